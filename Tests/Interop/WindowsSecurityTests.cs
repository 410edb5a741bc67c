using Ikosa.Contracts;
using Ikosa.Tests.Interop.Hosting;
using Ikosa.Tests.Interop.StockClient;

namespace Ikosa.Tests.Interop;

/// <summary>
/// WCF's <c>new NetTcpBinding()</c> asks for Windows security (SecurityMode.Transport, ClientCredentialType Windows: the
/// application/negotiate upgrade), which the host does not serve. A client ported without changing that is refused at
/// once with the framing fault, and the host's log says what the client asked for and what to set instead.
/// </summary>
public sealed class WindowsSecurityTests
{
    [Theory]
    [InlineData(false, "SecurityMode.None")]
    [InlineData(true, "ClientCredentialType = TcpClientCredentialType.None, and trust the host's certificate")]
    public async Task A_client_on_WCFs_default_binding_is_refused_and_the_host_says_what_to_set(bool hostServesTls, string advice)
    {
        using var certificate = hostServesTls ? HostCertificate.Create() : null;
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string>(), certificate?.PfxPath);
        var factory = new DuplexChannelFactory<ILoginService>(new InstanceContext(new RecordingCallbacks()), new NetTcpBinding(), new EndpointAddress(host.Endpoint("login")));
        var channel = factory.CreateChannel();
        try
        {
            var refused = await Assert.ThrowsAsync<ProtocolException>(() => channel.GetSerialAsync());
            Assert.Contains("The requested upgrade is not supported", refused.Message);
            Assert.NotEqual(CommunicationState.Opened, ((ICommunicationObject)channel).State);

            await host.WaitForOutputAsync("application/negotiate");
            var line = host.Output.Split(Environment.NewLine).Single(l => l.Contains("application/negotiate", StringComparison.Ordinal));
            Assert.Contains("The client asked for Windows security", line);
            Assert.Contains(advice, line);
        }
        finally
        {
            ((ICommunicationObject)channel).Abort();
            factory.Abort();
        }
    }
}
