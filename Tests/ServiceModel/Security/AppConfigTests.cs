using System.Security.Cryptography.X509Certificates;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Configuration;
using Ikosa.Tests.ServiceModel.Runtime;

namespace Ikosa.Tests.ServiceModel.Security;

/// <summary>
/// A host and a client built from nothing but app.config text (and the PFX file it names): endpoints, binding,
/// TLS with the configured certificate, the client's pinned certificate, and the service behavior all take effect.
/// </summary>
public sealed class AppConfigTests : IDisposable
{
    private const string ServiceName = "Ikosa.Tests.ServiceModel.Runtime.EchoService";
    private const string ContractName = "Ikosa.Tests.Support.IEchoService";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ikosa-appconfig-");
    private readonly X509Certificate2 _certificate = TestCertificates.CreateSelfSigned();

    public AppConfigTests() =>
        File.WriteAllBytes(Path.Combine(_folder.FullName, "host.pfx"), _certificate.Export(X509ContentType.Pfx, "gm-secret"));

    public void Dispose()
    {
        _certificate.Dispose();
        _folder.Delete(recursive: true);
    }

    private ServiceModelSection Parse(string serviceModel) =>
        ServiceModelSection.Parse($"<configuration><system.serviceModel>{serviceModel}</system.serviceModel></configuration>",
            Path.Combine(_folder.FullName, "app.config"));

    private const string Binding = """
        <bindings><netTcpBinding>
          <binding name="secure" sendTimeout="00:00:30" closeTimeout="00:00:10" maxReceivedMessageSize="131072" maxConnections="20">
            <security mode="Transport"><transport clientCredentialType="None" /></security>
          </binding>
        </netTcpBinding></bindings>
        """;

    private static string HostConfig(string contract = ContractName, string service = ServiceName) => $"""
        <services>
          <service name="{service}" behaviorConfiguration="gameHost">
            <host><baseAddresses><add baseAddress="net.tcp://127.0.0.1:0/Ikosa/" /></baseAddresses></host>
            <endpoint name="echo" address="Echo" binding="netTcpBinding" bindingConfiguration="secure" contract="{contract}" />
          </service>
        </services>
        {Binding}
        <behaviors><serviceBehaviors>
          <behavior name="gameHost">
            <serviceDebug includeExceptionDetailInFaults="true" />
            <serviceThrottling maxConcurrentSessions="5" maxConcurrentCalls="4" />
            <serviceCredentials><serviceCertificate pfxFile="host.pfx" password="gm-secret" /></serviceCredentials>
          </behavior>
        </serviceBehaviors></behaviors>
        """;

    private string ClientConfig(int port) => $"""
        <client>
          <endpoint name="gm" address="net.tcp://localhost:{port}/Ikosa/Echo" binding="netTcpBinding"
                    bindingConfiguration="secure" contract="{ContractName}">
            <identity><dns value="localhost" /><trustedCertificate thumbprint="{_certificate.Thumbprint}" /></identity>
          </endpoint>
        </client>
        {Binding}
        """;

    [Fact]
    public async Task A_host_and_a_client_built_from_app_config_talk_over_TLS()
    {
        var host = new ServiceHost((Microsoft.Extensions.Logging.ILoggerFactory?)null);
        host.ApplyConfiguration(Parse(HostConfig()), typeof(EchoService).Assembly);
        await host.OpenAsync();
        try
        {
            var service = host.Description;
            var endpoint = service.Endpoints.Single();
            Assert.Equal(SecurityMode.Transport, endpoint.Binding.Security.Mode);
            Assert.Equal(131072, endpoint.Binding.MaxReceivedMessageSize);
            Assert.Equal("/Ikosa/Echo", endpoint.Address.AbsolutePath);
            Assert.Equal(5, service.Behavior.MaxConcurrentSessions);
            Assert.Equal(4, service.Behavior.MaxConcurrentCalls);
            Assert.Equal(_certificate.Thumbprint, service.ServiceCertificate!.Thumbprint);

            var factory = new DuplexChannelFactory<IEchoService>(new EchoCallback(), Parse(ClientConfig(endpoint.Address.Port)), "gm");
            var proxy = factory.CreateChannel();

            Assert.Equal("configured:1", proxy.Echo(1, "configured"));
            var fault = Assert.Throws<FaultException<ExceptionDetail>>(() => proxy.Crash("detail shown"));
            Assert.Contains("detail shown", fault.Detail.Message);
            factory.Abort();
        }
        finally
        {
            await host.CloseAsync();
        }
    }

    [Fact]
    public async Task Configuration_applies_to_a_service_the_host_already_runs()
    {
        var host = new ServiceHost((Microsoft.Extensions.Logging.ILoggerFactory?)null);
        host.AddService(() => new EchoService());
        host.ApplyConfiguration(Parse(HostConfig()));

        Assert.Single(host.Endpoints);
        Assert.Equal(typeof(IEchoService), host.Endpoints.Single().Contract.ContractType);
        await host.CloseAsync();
    }

    [Fact]
    public void An_unknown_contract_is_refused_naming_the_endpoint_and_what_the_service_implements()
    {
        var host = new ServiceHost((Microsoft.Extensions.Logging.ILoggerFactory?)null);

        var error = Assert.Throws<ConfigurationErrorsException>(() =>
            host.ApplyConfiguration(Parse(HostConfig(contract: "Ikosa.Contracts.INoSuchService")), typeof(EchoService).Assembly));

        Assert.Equal("endpoint", error.ElementName);
        Assert.Equal("contract", error.AttributeName);
        Assert.Contains("'Ikosa.Contracts.INoSuchService' is not a service contract", error.Message);
        Assert.Contains(ContractName, error.Message);
        Assert.Empty(host.Services);
    }

    [Fact]
    public void An_unknown_service_type_is_refused_and_nothing_is_added()
    {
        var host = new ServiceHost((Microsoft.Extensions.Logging.ILoggerFactory?)null);

        var error = Assert.Throws<ConfigurationErrorsException>(() =>
            host.ApplyConfiguration(Parse(HostConfig(service: "Ikosa.Host.NoSuchService")), typeof(EchoService).Assembly));

        Assert.Contains("no service type named 'Ikosa.Host.NoSuchService'", error.Message);
        Assert.Empty(host.Services);
    }

    [Fact]
    public void A_wrong_certificate_password_is_refused_before_anything_is_added()
    {
        var host = new ServiceHost((Microsoft.Extensions.Logging.ILoggerFactory?)null);
        var config = HostConfig().Replace("password=\"gm-secret\"", "password=\"wrong\"");

        var error = Assert.Throws<ConfigurationErrorsException>(() => host.ApplyConfiguration(Parse(config), typeof(EchoService).Assembly));

        Assert.Equal("serviceCertificate", error.ElementName);
        Assert.Empty(host.Services);
    }

    [Fact]
    public void A_registered_service_missing_from_the_configuration_is_refused()
    {
        var host = new ServiceHost((Microsoft.Extensions.Logging.ILoggerFactory?)null);
        host.AddService(typeof(SingleConcurrencyEchoService));

        var error = Assert.Throws<InvalidOperationException>(() => host.ApplyConfiguration(Parse(HostConfig())));

        Assert.Contains("SingleConcurrencyEchoService has no endpoint", error.Message);
        Assert.Contains(ServiceName, error.Message);
    }

    [Fact]
    public void A_client_endpoint_for_another_contract_is_refused()
    {
        var section = Parse(ClientConfig(808));

        var error = Assert.Throws<ConfigurationErrorsException>(() => new ChannelFactory<IEchoServiceAsync>(section.FindClientEndpoint("gm")!));

        Assert.Contains("is for contract", error.Message);
    }

    [Fact]
    public void A_missing_client_endpoint_is_refused_listing_the_configured_ones()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new DuplexChannelFactory<IEchoService>(new EchoCallback(), Parse(ClientConfig(808)), "player"));

        Assert.Contains("No client endpoint named 'player'", error.Message);
        Assert.Contains("'gm'", error.Message);
    }

    [Fact]
    public void The_client_endpoint_for_a_contract_is_found_without_a_name()
    {
        var factory = new DuplexChannelFactory<IEchoService>(new EchoCallback(), Parse(ClientConfig(808)));

        Assert.Equal(new Uri("net.tcp://localhost:808/Ikosa/Echo"), factory.Endpoint.Uri);
        Assert.Equal(SecurityMode.Transport, factory.Binding.Security.Mode);
        Assert.Equal("localhost", factory.ServerCertificate.DnsIdentity);
        Assert.Equal(_certificate.Thumbprint, factory.ServerCertificate.TrustedCertificateThumbprint);
    }
}
