using Ikosa.ServiceModel;
using Ikosa.Tests.ServiceModel.Runtime;

namespace Ikosa.Tests.ServiceModel.Limits;

/// <summary>MaxReceivedMessageSize in both directions: the receiver refuses at the size field and the caller learns it as a quota.</summary>
public sealed class MessageSizeTests
{
    private static readonly string Large = new('x', 10_000);

    [Fact]
    public async Task A_request_over_the_servers_limit_fails_the_call_with_QuotaExceeded()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>(h =>
            h.Endpoints.Single().Binding.MaxReceivedMessageSize = 4096);
        var factory = host.DuplexFactory<IEchoService>(new EchoCallback());
        var proxy = factory.CreateChannel();

        var error = Assert.Throws<QuotaExceededException>(() => proxy.Echo(1, Large));

        Assert.Contains("MaxReceivedMessageSize", error.Message);
        Assert.Equal(CommunicationState.Faulted, ((IClientChannel)proxy).State);
        Assert.Throws<CommunicationObjectFaultedException>(() => proxy.Echo(2, "after"));
        factory.Abort();
    }

    [Fact]
    public async Task A_reply_over_the_clients_limit_fails_the_call_with_QuotaExceeded()
    {
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>();
        var binding = LoopbackHost.Binding();
        binding.MaxReceivedMessageSize = 4096;
        var factory = new DuplexChannelFactory<IEchoService>(new EchoCallback(), binding, new EndpointAddress(host.Address().AbsoluteUri));
        var proxy = factory.CreateChannel();
        Assert.Equal("small:1", proxy.Echo(1, "small"));

        var error = Assert.Throws<QuotaExceededException>(() => proxy.Echo(2, Large));

        Assert.Contains("Raise MaxReceivedMessageSize", error.Message);
        Assert.Equal(CommunicationState.Faulted, ((IClientChannel)proxy).State);
        factory.Abort();
    }

    [Fact]
    public async Task Messages_larger_than_the_transports_default_buffer_pass_when_the_limit_allows_them()
    {
        // Kestrel's default read buffer is 1 MB; a 3 MB envelope must not stall it when MaxReceivedMessageSize allows it.
        const int limit = 8 * 1024 * 1024;
        await using var host = await LoopbackHost.StartAsync<EchoService, IEchoService>(h =>
            h.Endpoints.Single().Binding.MaxReceivedMessageSize = limit);
        var binding = LoopbackHost.Binding();
        binding.MaxReceivedMessageSize = limit;
        var factory = new DuplexChannelFactory<IEchoService>(new EchoCallback(), binding, new EndpointAddress(host.Address().AbsoluteUri));
        var huge = new string('y', 3 * 1024 * 1024);

        Assert.Equal(huge + ":3", factory.CreateChannel().Echo(3, huge));
        factory.Close();
    }
}
