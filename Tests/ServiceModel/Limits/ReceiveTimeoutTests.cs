using Ikosa.ServiceModel;
using Ikosa.Tests.ServiceModel.Runtime;
using Ikosa.Tests.ServiceModel.Security;

namespace Ikosa.Tests.ServiceModel.Limits;

/// <summary>ReceiveTimeout: the server aborts an idle session; the client's channel faults and its next call fails fast.</summary>
public sealed class ReceiveTimeoutTests
{
    [Theory]
    [InlineData(SecurityMode.None)]
    [InlineData(SecurityMode.Transport)]
    public async Task An_idle_session_is_aborted_and_the_next_call_fails_with_a_CommunicationException(SecurityMode security)
    {
        using var certificate = TestCertificates.CreateSelfSigned();
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>(h =>
        {
            var binding = h.Endpoints.Single().Binding;
            binding.ReceiveTimeout = TimeSpan.FromMilliseconds(500);
            binding.Security.Mode = security;
            h.Description.ServiceCertificate = certificate;
        });
        var clientBinding = LoopbackHost.Binding();
        clientBinding.Security.Mode = security;
        var factory = new DuplexChannelFactory<IEchoService>(
            new EchoCallback(), clientBinding, new EndpointAddress($"net.tcp://localhost:{host.Port}/echo"));
        factory.ServerCertificate.TrustCertificate(certificate);
        var proxy = factory.CreateChannel();
        var channel = (IClientChannel)proxy;
        var faulted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        channel.Faulted += (_, _) => faulted.TrySetResult();

        await channel.OpenAsync();
        await faulted.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.ThrowsAny<CommunicationException>(() => proxy.Echo(1, "too late"));
        factory.Abort();
    }
}
