using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Configuration;

namespace Ikosa.Tests.ServiceModel.Configuration;

public class ServiceModelSectionTests
{
    internal const string FullConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <appSettings>
            <add key="not-ours" value="ignored" />
          </appSettings>
          <system.serviceModel>
            <services>
              <service name="Ikosa.Host.Services.LoginService" behaviorConfiguration="gameHost">
                <host>
                  <baseAddresses>
                    <add baseAddress="net.tcp://localhost:8090/Ikosa" />
                  </baseAddresses>
                </host>
                <endpoint name="login" address="Login" binding="netTcpBinding" bindingConfiguration="secureGame"
                          contract="Ikosa.Contracts.ILoginService" />
                <endpoint address="" binding="netTcpBinding" bindingConfiguration="secureGame"
                          contract="Ikosa.Contracts.IHostInfo" />
                <endpoint address="Login" binding="netTcpBinding" bindingConfiguration="secureGame"
                          contract="Ikosa.Contracts.IPing" />
              </service>
              <service name="Ikosa.Host.Services.VisualizationService">
                <host>
                  <baseAddresses>
                    <add baseAddress="net.tcp://localhost:8090/Ikosa/" />
                  </baseAddresses>
                </host>
                <endpoint address="Visualization" binding="netTcpBinding" contract="Ikosa.Contracts.IVisualizationService" />
                <endpoint address="net.tcp://localhost:8091/Master" binding="netTcpBinding" bindingConfiguration="plain"
                          contract="Ikosa.Contracts.IMasterControl" />
              </service>
            </services>
            <bindings>
              <netTcpBinding>
                <binding name="secureGame" openTimeout="00:00:15" closeTimeout="00:00:20" sendTimeout="00:02:00"
                         receiveTimeout="Infinite" maxReceivedMessageSize="1048576" maxConnections="50"
                         listenBacklog="64" transferMode="Buffered" channelInitializationTimeout="00:00:03"
                         maxPendingConnectionsPerAddress="4">
                  <readerQuotas maxDepth="64" maxStringContentLength="262144" maxArrayLength="1048576" />
                  <security mode="Transport">
                    <transport clientCredentialType="None" />
                  </security>
                </binding>
                <binding name="plain" maxReceivedMessageSize="131072" maxBufferSize="131072">
                  <security mode="None" />
                </binding>
              </netTcpBinding>
            </bindings>
            <behaviors>
              <serviceBehaviors>
                <behavior name="gameHost">
                  <serviceDebug includeExceptionDetailInFaults="true" />
                  <serviceThrottling maxConcurrentSessions="200" maxConcurrentCalls="32" />
                  <sessionAuthentication timeout="00:00:20" maxUnauthenticatedSessionsPerAddress="16" />
                  <serviceCredentials>
                    <serviceCertificate pfxFile="certs/host.pfx" password="s3cret" />
                  </serviceCredentials>
                </behavior>
              </serviceBehaviors>
            </behaviors>
            <client>
              <endpoint name="gameLogin" address="net.tcp://gm-laptop:8090/Ikosa/Login" binding="netTcpBinding"
                        bindingConfiguration="secureGame" contract="Ikosa.Contracts.ILoginService">
                <identity>
                  <dns value="ikosa-host" />
                  <trustedCertificate thumbprint="ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01" />
                </identity>
              </endpoint>
              <endpoint address="net.tcp://gm-laptop:8090/Ikosa/Visualization" binding="netTcpBinding"
                        contract="Ikosa.Contracts.IVisualizationService" />
            </client>
          </system.serviceModel>
        </configuration>
        """;

    private static readonly string ConfigPath = Path.Combine(Path.GetTempPath(), "ikosa-config-test", "app.config");

    [Fact]
    public void Full_config_reads_services_and_resolves_relative_addresses()
    {
        var section = ServiceModelSection.Parse(FullConfig, ConfigPath);

        Assert.Equal(2, section.Services.Count);
        var login = section.FindService("Ikosa.Host.Services.LoginService")!;
        Assert.Equal("gameHost", login.BehaviorConfiguration);
        Assert.Same(section.ServiceBehaviors["gameHost"], login.ResolvedBehavior);
        Assert.Equal([new Uri("net.tcp://localhost:8090/Ikosa")], login.BaseAddresses);

        Assert.Equal(3, login.Endpoints.Count);
        var first = login.Endpoints[0];
        Assert.Equal("login", first.Name);
        Assert.Equal("Login", first.Address);
        Assert.Equal(new Uri("net.tcp://localhost:8090/Ikosa/Login"), first.ResolvedAddress);
        Assert.Equal("netTcpBinding", first.Binding);
        Assert.Equal("secureGame", first.BindingConfiguration);
        Assert.Equal("Ikosa.Contracts.ILoginService", first.Contract);
        Assert.Null(login.Endpoints[1].Name);
        Assert.Equal(new Uri("net.tcp://localhost:8090/Ikosa"), login.Endpoints[1].ResolvedAddress);
        Assert.Equal(first.ResolvedAddress, login.Endpoints[2].ResolvedAddress);

        var visualization = section.FindService("Ikosa.Host.Services.VisualizationService")!;
        Assert.Null(visualization.BehaviorConfiguration);
        Assert.Null(visualization.ResolvedBehavior);
        Assert.Equal(new Uri("net.tcp://localhost:8090/Ikosa/Visualization"), visualization.Endpoints[0].ResolvedAddress);
        Assert.Equal(new Uri("net.tcp://localhost:8091/Master"), visualization.Endpoints[1].ResolvedAddress);
        Assert.Null(section.FindService("Nope"));
    }

    [Fact]
    public void Full_config_reads_binding_settings()
    {
        var section = ServiceModelSection.Parse(FullConfig, ConfigPath);

        Assert.Equal(["plain", "secureGame"], section.NetTcpBindings.Keys.Order());
        var binding = section.FindService("Ikosa.Host.Services.LoginService")!.Endpoints[0].ResolvedBinding;
        Assert.Equal("secureGame", binding.Name);
        Assert.Equal(TimeSpan.FromSeconds(15), binding.OpenTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), binding.CloseTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), binding.SendTimeout);
        Assert.Equal(NetTcpBinding.InfiniteTimeout, binding.ReceiveTimeout);
        Assert.Equal(1048576, binding.MaxReceivedMessageSize);
        Assert.Equal(1048576, binding.MaxBufferSize);
        Assert.Equal(50, binding.MaxConnections);
        Assert.Equal(64, binding.ListenBacklog);
        Assert.Equal(TimeSpan.FromSeconds(3), binding.ChannelInitializationTimeout);
        Assert.Equal(4, binding.MaxPendingConnectionsPerAddress);
        Assert.Equal(64, binding.ReaderQuotas.MaxDepth);
        Assert.Equal(262144, binding.ReaderQuotas.MaxStringContentLength);
        Assert.Equal(1048576, binding.ReaderQuotas.MaxArrayLength);
        Assert.Equal(4096, binding.ReaderQuotas.MaxBytesPerRead);
        Assert.Equal(SecurityMode.Transport, binding.Security.Mode);
        Assert.Equal(TcpClientCredentialType.None, binding.Security.Transport.ClientCredentialType);

        var plain = section.FindService("Ikosa.Host.Services.VisualizationService")!.Endpoints[1].ResolvedBinding;
        Assert.Equal(SecurityMode.None, plain.Security.Mode);
        Assert.Equal(131072, plain.MaxBufferSize);
    }

    [Fact]
    public void Endpoints_get_their_own_binding_copies()
    {
        var section = ServiceModelSection.Parse(FullConfig, ConfigPath);
        var endpoints = section.FindService("Ikosa.Host.Services.LoginService")!.Endpoints;

        endpoints[0].ResolvedBinding.SendTimeout = TimeSpan.FromSeconds(1);

        Assert.Equal(TimeSpan.FromMinutes(2), endpoints[1].ResolvedBinding.SendTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), section.NetTcpBindings["secureGame"].SendTimeout);
    }

    [Fact]
    public void Full_config_reads_the_behavior()
    {
        var section = ServiceModelSection.Parse(FullConfig, ConfigPath);

        var behavior = section.ServiceBehaviors["gameHost"];
        Assert.Equal("gameHost", behavior.Name);
        Assert.True(behavior.IncludeExceptionDetailInFaults);
        Assert.Equal(200, behavior.MaxConcurrentSessions);
        Assert.Equal(32, behavior.MaxConcurrentCalls);
        Assert.Equal(TimeSpan.FromSeconds(20), behavior.SessionAuthenticationTimeout);
        Assert.Equal(16, behavior.MaxUnauthenticatedSessionsPerAddress);
        var certificate = behavior.ServiceCertificate!;
        Assert.Equal(Path.Combine(Path.GetDirectoryName(ConfigPath)!, "certs", "host.pfx"), certificate.PfxPath);
        Assert.Equal("s3cret", certificate.Password);
        Assert.Equal(ConfigPath, certificate.SourceName);
        Assert.Equal(FullConfig.Split('\n').ToList().FindIndex(line => line.Contains("<serviceCertificate")) + 1, certificate.LineNumber);
    }

    [Fact]
    public void Full_config_reads_client_endpoints()
    {
        var section = ServiceModelSection.Parse(FullConfig, ConfigPath);

        Assert.Equal(2, section.ClientEndpoints.Count);
        var login = section.FindClientEndpoint("gameLogin")!;
        Assert.Equal(new Uri("net.tcp://gm-laptop:8090/Ikosa/Login"), login.Address);
        Assert.Equal("Ikosa.Contracts.ILoginService", login.Contract);
        Assert.Equal("secureGame", login.BindingConfiguration);
        Assert.Equal(SecurityMode.Transport, login.ResolvedBinding.Security.Mode);
        Assert.Equal("ikosa-host", login.DnsIdentity);
        Assert.Equal("ABCDEF0123456789ABCDEF0123456789ABCDEF01", login.TrustedCertificateThumbprint);
        Assert.Same(login, section.FindClientEndpoint("Ikosa.Contracts.ILoginService"));

        var visualization = section.FindClientEndpoint("Ikosa.Contracts.IVisualizationService")!;
        Assert.Null(visualization.Name);
        Assert.Null(visualization.DnsIdentity);
        Assert.Null(visualization.TrustedCertificateThumbprint);
        Assert.Equal(SecurityMode.None, visualization.ResolvedBinding.Security.Mode);
        Assert.Null(section.FindClientEndpoint("Ikosa.Contracts.IUnknown"));
    }

    [Fact]
    public void Finding_a_client_endpoint_by_an_ambiguous_contract_is_refused()
    {
        var section = ServiceModelSection.Parse(Wrap("""
            <client>
              <endpoint name="a" address="net.tcp://h:1/a" binding="netTcpBinding" contract="C" />
              <endpoint name="b" address="net.tcp://h:1/b" binding="netTcpBinding" contract="C" />
            </client>
            """));

        var error = Assert.Throws<InvalidOperationException>(() => section.FindClientEndpoint("C"));
        Assert.Contains("'a', 'b'", error.Message);
        Assert.Equal("b", section.FindClientEndpoint("b")!.Name);
    }

    [Fact]
    public void Unset_values_get_defaults()
    {
        var section = ServiceModelSection.Parse(Wrap("""
            <services>
              <service name="S">
                <endpoint address="net.tcp://localhost:9000/s" binding="netTcpBinding" contract="C" />
              </service>
            </services>
            <bindings><netTcpBinding><binding name="empty" /></netTcpBinding></bindings>
            <behaviors><serviceBehaviors><behavior name="empty" /></serviceBehaviors></behaviors>
            """));

        var service = section.Services.Single();
        Assert.Empty(service.BaseAddresses);
        Assert.Null(service.ResolvedBehavior);
        var endpoint = service.Endpoints.Single();
        Assert.Null(endpoint.Name);
        Assert.Null(endpoint.BindingConfiguration);
        AssertDefaultSettings(endpoint.ResolvedBinding);
        AssertDefaultSettings(section.NetTcpBindings["empty"]);

        var behavior = section.ServiceBehaviors["empty"];
        Assert.False(behavior.IncludeExceptionDetailInFaults);
        Assert.Null(behavior.MaxConcurrentSessions);
        Assert.Null(behavior.MaxConcurrentCalls);
        Assert.Null(behavior.ServiceCertificate);
    }

    [Fact]
    public void Nameless_binding_and_behavior_are_the_defaults()
    {
        var section = ServiceModelSection.Parse(Wrap("""
            <services>
              <service name="S">
                <endpoint address="net.tcp://localhost:9000/s" binding="netTcpBinding" contract="C" />
              </service>
            </services>
            <bindings><netTcpBinding><binding maxConnections="3" /></netTcpBinding></bindings>
            <behaviors><serviceBehaviors><behavior><serviceDebug includeExceptionDetailInFaults="True" /></behavior></serviceBehaviors></behaviors>
            """));

        var service = section.Services.Single();
        Assert.True(service.ResolvedBehavior!.IncludeExceptionDetailInFaults);
        Assert.Equal(3, service.Endpoints.Single().ResolvedBinding.MaxConnections);
    }

    [Fact]
    public void A_file_without_the_section_gives_an_empty_section()
    {
        var section = ServiceModelSection.Parse("""
            <configuration>
              <appSettings><add key="x" value="y" /></appSettings>
              <someOtherSection whatever="1"><nested /></someOtherSection>
            </configuration>
            """);

        Assert.Empty(section.Services);
        Assert.Empty(section.NetTcpBindings);
        Assert.Empty(section.ServiceBehaviors);
        Assert.Empty(section.ClientEndpoints);
    }

    [Fact]
    public void An_empty_section_gives_an_empty_section()
    {
        var section = ServiceModelSection.Parse(Wrap("<!-- nothing yet -->"));

        Assert.Empty(section.Services);
        Assert.Empty(section.ClientEndpoints);
    }

    [Fact]
    public void Load_reads_a_file_and_resolves_the_certificate_next_to_it()
    {
        var folder = Directory.CreateTempSubdirectory("ikosa-config-");
        try
        {
            var path = Path.Combine(folder.FullName, "Ikosa.Host.dll.config");
            File.WriteAllText(path, FullConfig);

            var section = ServiceModelSection.Load(path);

            Assert.Equal(2, section.Services.Count);
            Assert.Equal(Path.Combine(folder.FullName, "certs", "host.pfx"), section.ServiceBehaviors["gameHost"].ServiceCertificate!.PfxPath);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_of_a_missing_file_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ikosa-missing-{Guid.NewGuid():N}.config");

        var error = Assert.Throws<ConfigurationErrorsException>(() => ServiceModelSection.Load(path));

        Assert.Equal(path, error.SourceName);
        Assert.Contains("cannot read the configuration file", error.Message);
    }

    internal static string Wrap(string body) =>
        "<configuration>\n<system.serviceModel>\n" + body + "\n</system.serviceModel>\n</configuration>";

    private static void AssertDefaultSettings(NetTcpBinding binding)
    {
        var defaults = new NetTcpBinding();
        Assert.Equal(defaults.OpenTimeout, binding.OpenTimeout);
        Assert.Equal(defaults.CloseTimeout, binding.CloseTimeout);
        Assert.Equal(defaults.SendTimeout, binding.SendTimeout);
        Assert.Equal(defaults.ReceiveTimeout, binding.ReceiveTimeout);
        Assert.Equal(defaults.MaxReceivedMessageSize, binding.MaxReceivedMessageSize);
        Assert.Equal(defaults.MaxBufferSize, binding.MaxBufferSize);
        Assert.Equal(defaults.MaxConnections, binding.MaxConnections);
        Assert.Equal(defaults.ListenBacklog, binding.ListenBacklog);
        Assert.Equal(defaults.Security.Mode, binding.Security.Mode);
    }
}
