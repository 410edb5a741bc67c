using Ikosa.Client.Library;
using Ikosa.ServiceModel.Configuration;
using Ikosa.Tests.EndToEnd;

namespace Ikosa.Tests.ClientLibrary;

/// <summary>Issue 13 §3.11: the client's limits follow the host's, so nothing the host may send faults the client's channel.</summary>
public sealed class ClientLimitsTests
{
    private static readonly ServiceModelSection Shipped = ServiceModelSection.Parse(LoopbackGame.ShippedConfig(), "ikosa.config");

    private static Ikosa.ServiceModel.NetTcpBinding HostBinding => Shipped.FindService("Ikosa.Host.Services.LoginService")!.Endpoints[0].ResolvedBinding;

    [Fact]
    public void The_client_binding_from_the_configuration_is_the_hosts()
    {
        var options = IkosaClientOptions.FromConfiguration(Shipped);

        Assert.Equal(HostBinding.MaxReceivedMessageSize, options.Binding.MaxReceivedMessageSize);
        Assert.Equal(HostBinding.ReceiveTimeout, options.Binding.ReceiveTimeout);
        Assert.Equal(new Uri("net.tcp://localhost:8765/ikosa/"), options.BaseAddress);
    }

    [Fact]
    public void The_default_binding_has_the_hosts_shipped_limits()
    {
        var options = new IkosaClientOptions { BaseAddress = new Uri("net.tcp://localhost:1/ikosa/") };

        Assert.Equal(HostBinding.MaxReceivedMessageSize, options.Binding.MaxReceivedMessageSize);
        Assert.Equal(HostBinding.ReceiveTimeout, options.Binding.ReceiveTimeout);
        Assert.Equal(HostBinding.SendTimeout, options.Binding.SendTimeout);
    }

    [Fact]
    public void The_apps_connection_settings_come_from_its_configuration()
    {
        var options = new Ikosa.Client.App.AppOptions { Host = new Uri("net.tcp://gm-laptop:9000/ikosa/"), Tls = true }.ToClientOptions();

        Assert.Equal(HostBinding.MaxReceivedMessageSize, options.Binding.MaxReceivedMessageSize);
        Assert.Equal(Ikosa.ServiceModel.SecurityMode.Transport, options.Binding.Security.Mode);
        Assert.Equal(new Uri("net.tcp://gm-laptop:9000/ikosa/"), options.BaseAddress);
    }
}
