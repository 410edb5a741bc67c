using Ikosa.ServiceModel.Configuration;

namespace Ikosa.Tests.ServiceModel.Configuration;

/// <summary>
/// Every kind of bad configuration is refused with an error naming the element, the attribute and the line.
/// Each case marks its offending line with &lt;!--bad--&gt;; the expected line number is computed from it.
/// </summary>
public class ConfigurationRefusalTests
{
    private const string Service = """<service name="S">""";
    private const string Endpoint = """<endpoint address="net.tcp://localhost:9000/s" binding="netTcpBinding" contract="C" />""";

    public static TheoryData<string, string, string, string?, string> Refusals => new()
    {
        // Unknown or unsupported elements and attributes.
        { "unknown section element", "<extensions /> <!--bad-->", "extensions", null, "allowed here: <services>, <bindings>, <behaviors>, <client>" },
        { "attribute on the section", "<services configSource=\"services.config\" /> <!--bad-->", "services", "configSource", "allowed here: none" },
        { "unknown endpoint attribute",
            $"<services>{Service}\n<endpoint address=\"net.tcp://h:1/a\" binding=\"netTcpBinding\" contract=\"C\" listenUri=\"net.tcp://h:2/\" /> <!--bad-->\n</service></services>",
            "endpoint", "listenUri", "allowed here: name, address, binding, bindingConfiguration, contract" },
        { "unsupported binding type on an endpoint",
            $"<services>{Service}\n<endpoint address=\"net.tcp://h:1/a\" binding=\"basicHttpBinding\" contract=\"C\" /> <!--bad-->\n</service></services>",
            "endpoint", "binding", "only 'netTcpBinding'" },
        { "unsupported binding section", "<bindings>\n<basicHttpBinding /> <!--bad-->\n</bindings>", "basicHttpBinding", null, "allowed here: <netTcpBinding>" },
        { "unsupported binding attribute", "<bindings><netTcpBinding>\n<binding name=\"b\" portSharingEnabled=\"true\" /> <!--bad-->\n</netTcpBinding></bindings>",
            "binding", "portSharingEnabled", "allowed here: name, openTimeout" },
        { "reliable session", "<bindings><netTcpBinding><binding name=\"b\">\n<reliableSession enabled=\"true\" /> <!--bad-->\n</binding></netTcpBinding></bindings>",
            "reliableSession", null, "allowed here: <security>, <readerQuotas>" },
        { "streamed transfer", "<bindings><netTcpBinding>\n<binding name=\"b\" transferMode=\"Streamed\" /> <!--bad-->\n</netTcpBinding></bindings>",
            "binding", "transferMode", "allowed: Buffered" },
        { "endpoint behaviors", "<behaviors>\n<endpointBehaviors /> <!--bad-->\n</behaviors>", "endpointBehaviors", null, "allowed here: <serviceBehaviors>" },
        { "service metadata behavior", "<behaviors><serviceBehaviors><behavior name=\"x\">\n<serviceMetadata /> <!--bad-->\n</behavior></serviceBehaviors></behaviors>",
            "serviceMetadata", null, "allowed here: <serviceDebug>, <serviceThrottling>, <serviceCredentials>" },
        { "certificate from a store", "<behaviors><serviceBehaviors><behavior name=\"x\"><serviceCredentials>\n<serviceCertificate findValue=\"CN=host\" storeName=\"My\" /> <!--bad-->\n</serviceCredentials></behavior></serviceBehaviors></behaviors>",
            "serviceCertificate", "findValue", "allowed here: pfxFile, password" },
        { "certificate without a file", "<behaviors><serviceBehaviors><behavior name=\"x\"><serviceCredentials>\n<serviceCertificate password=\"p\" /> <!--bad-->\n</serviceCredentials></behavior></serviceBehaviors></behaviors>",
            "serviceCertificate", "pfxFile", "required" },
        { "unsupported throttling attribute", "<behaviors><serviceBehaviors><behavior name=\"x\">\n<serviceThrottling maxConcurrentInstances=\"5\" /> <!--bad-->\n</behavior></serviceBehaviors></behaviors>",
            "serviceThrottling", "maxConcurrentInstances", "allowed here: maxConcurrentSessions, maxConcurrentCalls" },
        { "text content", "<services>\nsome text <!--bad-->\n</services>", "services", null, "text content is not allowed" },
        { "element in a namespace", "<services>\n<service xmlns=\"urn:other\" name=\"S\" /> <!--bad-->\n</services>", "{urn:other}service", null, "allowed here: <service>" },

        // Security.
        { "message security mode", "<bindings><netTcpBinding><binding name=\"b\">\n<security mode=\"Message\" /> <!--bad-->\n</binding></netTcpBinding></bindings>",
            "security", "mode", "'Message' is not supported; allowed: None, Transport" },
        { "transport with message credential", "<bindings><netTcpBinding><binding name=\"b\">\n<security mode=\"TransportWithMessageCredential\" /> <!--bad-->\n</binding></netTcpBinding></bindings>",
            "security", "mode", "allowed: None, Transport" },
        { "windows client credential", "<bindings><netTcpBinding><binding name=\"b\"><security mode=\"Transport\">\n<transport clientCredentialType=\"Windows\" /> <!--bad-->\n</security></binding></netTcpBinding></bindings>",
            "transport", "clientCredentialType", "'Windows' is not supported; allowed: None" },
        { "certificate client credential", "<bindings><netTcpBinding><binding name=\"b\"><security mode=\"Transport\">\n<transport clientCredentialType=\"Certificate\" /> <!--bad-->\n</security></binding></netTcpBinding></bindings>",
            "transport", "clientCredentialType", "allowed: None" },
        { "message security settings", "<bindings><netTcpBinding><binding name=\"b\"><security mode=\"Transport\">\n<message clientCredentialType=\"UserName\" /> <!--bad-->\n</security></binding></netTcpBinding></bindings>",
            "message", null, "allowed here: <transport>" },
        { "transport protection level", "<bindings><netTcpBinding><binding name=\"b\"><security mode=\"Transport\">\n<transport protectionLevel=\"Sign\" /> <!--bad-->\n</security></binding></netTcpBinding></bindings>",
            "transport", "protectionLevel", "allowed here: clientCredentialType" },
        { "security twice", "<bindings><netTcpBinding><binding name=\"b\">\n<security mode=\"None\" />\n<security mode=\"None\" /> <!--bad-->\n</binding></netTcpBinding></bindings>",
            "security", null, "may appear only once inside <binding>" },

        // Values.
        { "number with a unit", "<bindings><netTcpBinding>\n<binding name=\"b\" maxReceivedMessageSize=\"64k\" maxBufferSize=\"65536\" /> <!--bad-->\n</netTcpBinding></bindings>",
            "binding", "maxReceivedMessageSize", "'64k' is not a whole number" },
        { "negative number", "<bindings><netTcpBinding>\n<binding name=\"b\" maxConnections=\"-5\" /> <!--bad-->\n</netTcpBinding></bindings>",
            "binding", "maxConnections", "'-5' is not a whole number" },
        { "zero listen backlog", "<bindings><netTcpBinding>\n<binding name=\"b\" listenBacklog=\"0\" /> <!--bad-->\n</netTcpBinding></bindings>",
            "binding", "listenBacklog", "the least allowed is 1" },
        { "int overflow", "<behaviors><serviceBehaviors><behavior name=\"x\">\n<serviceThrottling maxConcurrentCalls=\"3000000000\" /> <!--bad-->\n</behavior></serviceBehaviors></behaviors>",
            "serviceThrottling", "maxConcurrentCalls", "too large" },
        { "bad reader quota", "<bindings><netTcpBinding><binding name=\"b\">\n<readerQuotas maxDepth=\"deep\" /> <!--bad-->\n</binding></netTcpBinding></bindings>",
            "readerQuotas", "maxDepth", "not a whole number" },
        { "timeout as bare seconds", "<bindings><netTcpBinding>\n<binding name=\"b\" sendTimeout=\"10\" /> <!--bad-->\n</netTcpBinding></bindings>",
            "binding", "sendTimeout", "use hh:mm:ss" },
        { "timeout garbage", "<bindings><netTcpBinding>\n<binding name=\"b\" openTimeout=\"one minute\" /> <!--bad-->\n</netTcpBinding></bindings>",
            "binding", "openTimeout", "'one minute' is not a timeout" },
        { "timeout out of range", "<bindings><netTcpBinding>\n<binding name=\"b\" closeTimeout=\"00:61:00\" /> <!--bad-->\n</netTcpBinding></bindings>",
            "binding", "closeTimeout", "is not a timeout" },
        { "zero timeout", "<bindings><netTcpBinding>\n<binding name=\"b\" receiveTimeout=\"00:00:00\" /> <!--bad-->\n</netTcpBinding></bindings>",
            "binding", "receiveTimeout", "must be longer than zero" },
        { "bad boolean", "<behaviors><serviceBehaviors><behavior name=\"x\">\n<serviceDebug includeExceptionDetailInFaults=\"yes\" /> <!--bad-->\n</behavior></serviceBehaviors></behaviors>",
            "serviceDebug", "includeExceptionDetailInFaults", "allowed: true, false" },
        { "buffer size differs from message size", "<bindings><netTcpBinding>\n<binding name=\"b\" maxReceivedMessageSize=\"100000\" maxBufferSize=\"65536\" /> <!--bad-->\n</netTcpBinding></bindings>",
            "binding", null, "MaxBufferSize (65536) must equal MaxReceivedMessageSize (100000)" },
        { "message size beyond int range", "<bindings><netTcpBinding>\n<binding name=\"b\" maxReceivedMessageSize=\"3000000000\" /> <!--bad-->\n</netTcpBinding></bindings>",
            "binding", null, "must not exceed 2147483647" },
        { "bad thumbprint", $"<client>\n<endpoint address=\"net.tcp://h:1/a\" binding=\"netTcpBinding\" contract=\"C\"><identity><trustedCertificate thumbprint=\"XYZ\" /></identity></endpoint> <!--bad-->\n</client>",
            "trustedCertificate", "thumbprint", "expected 40 hex digits (SHA-1) or 64 (SHA-256)" },

        // References.
        { "unknown bindingConfiguration",
            $"<bindings><netTcpBinding><binding name=\"known\" /></netTcpBinding></bindings>\n<services>{Service}\n<endpoint address=\"net.tcp://h:1/a\" binding=\"netTcpBinding\" bindingConfiguration=\"missing\" contract=\"C\" /> <!--bad-->\n</service></services>",
            "endpoint", "bindingConfiguration", "no netTcpBinding configuration named 'missing' is defined in <bindings><netTcpBinding>; defined: 'known'" },
        { "unknown behaviorConfiguration", $"<services>\n<service name=\"S\" behaviorConfiguration=\"missing\"> <!--bad-->\n{Endpoint}</service></services>",
            "service", "behaviorConfiguration", "no service behavior named 'missing' is defined in <behaviors><serviceBehaviors>; defined: none" },
        { "unknown client bindingConfiguration", "<client>\n<endpoint address=\"net.tcp://h:1/a\" binding=\"netTcpBinding\" bindingConfiguration=\"nope\" contract=\"C\" /> <!--bad-->\n</client>",
            "endpoint", "bindingConfiguration", "'nope'" },

        // Addresses.
        { "relative address without base address", $"<services>{Service}\n<endpoint address=\"Login\" binding=\"netTcpBinding\" contract=\"C\" /> <!--bad-->\n</service></services>",
            "endpoint", "address", "'Login' is relative, but service 'S' has no net.tcp base address" },
        { "no address and no base address", $"<services>{Service}\n<endpoint binding=\"netTcpBinding\" contract=\"C\" /> <!--bad-->\n</service></services>",
            "endpoint", "address", "no address is given" },
        { "http base address", $"<services>{Service}<host><baseAddresses>\n<add baseAddress=\"http://localhost:8080/\" /> <!--bad-->\n</baseAddresses></host></service></services>",
            "add", "baseAddress", "scheme 'http' is not supported; only net.tcp" },
        { "second base address", $"<services>{Service}<host><baseAddresses><add baseAddress=\"net.tcp://localhost:1/\" />\n<add baseAddress=\"net.tcp://localhost:2/\" /> <!--bad-->\n</baseAddresses></host></service></services>",
            "add", "baseAddress", "only one net.tcp base address" },
        { "http endpoint address", $"<services>{Service}\n<endpoint address=\"http://localhost/a\" binding=\"netTcpBinding\" contract=\"C\" /> <!--bad-->\n</service></services>",
            "endpoint", "address", "scheme 'http' is not supported" },
        { "relative address escaping the base host",
            $"<services>{Service}<host><baseAddresses><add baseAddress=\"net.tcp://localhost:1/\" /></baseAddresses></host>\n<endpoint address=\"//elsewhere:2/a\" binding=\"netTcpBinding\" contract=\"C\" /> <!--bad-->\n</service></services>",
            "endpoint", "address", "leaves the base address's host and port" },
        { "relative client address", "<client>\n<endpoint address=\"Login\" binding=\"netTcpBinding\" contract=\"C\" /> <!--bad-->\n</client>",
            "endpoint", "address", "'Login' is not a valid absolute URI" },
        { "address with a query", "<client>\n<endpoint address=\"net.tcp://h:1/a?x=1\" binding=\"netTcpBinding\" contract=\"C\" /> <!--bad-->\n</client>",
            "endpoint", "address", "must not carry user info, a query or a fragment" },

        // Missing and duplicate names.
        { "missing contract", $"<services>{Service}\n<endpoint address=\"net.tcp://h:1/a\" binding=\"netTcpBinding\" /> <!--bad-->\n</service></services>",
            "endpoint", "contract", "this attribute is required" },
        { "empty service name", "<services>\n<service name=\"\" /> <!--bad-->\n</services>", "service", "name", "must not be empty" },
        { "duplicate binding name", "<bindings><netTcpBinding><binding name=\"b\" />\n<binding name=\"b\" /> <!--bad-->\n</netTcpBinding></bindings>",
            "binding", "name", "'b' is already defined" },
        { "duplicate nameless binding", "<bindings><netTcpBinding><binding />\n<binding /> <!--bad-->\n</netTcpBinding></bindings>",
            "binding", "name", "already defined" },
        { "duplicate behavior name", "<behaviors><serviceBehaviors><behavior name=\"x\" />\n<behavior name=\"x\" /> <!--bad-->\n</serviceBehaviors></behaviors>",
            "behavior", "name", "'x' is already defined" },
        { "duplicate service", $"<services>{Service}{Endpoint}</service>\n<service name=\"S\" /> <!--bad-->\n</services>",
            "service", "name", "service 'S' is already configured" },
        { "duplicate endpoint name", $"<services>{Service}<endpoint name=\"e\" address=\"net.tcp://h:1/a\" binding=\"netTcpBinding\" contract=\"C\" />\n<endpoint name=\"e\" address=\"net.tcp://h:1/b\" binding=\"netTcpBinding\" contract=\"D\" /> <!--bad-->\n</service></services>",
            "endpoint", "name", "already has an endpoint named 'e'" },
        { "same contract twice at one address", $"<services>{Service}<endpoint address=\"net.tcp://h:1/a\" binding=\"netTcpBinding\" contract=\"C\" />\n<endpoint address=\"net.tcp://other:1/A/\" binding=\"netTcpBinding\" contract=\"C\" /> <!--bad-->\n</service></services>",
            "endpoint", "address", "contract 'C' is already exposed" },
        { "two services at one address", $"<services>{Service}<endpoint address=\"net.tcp://h:1/a\" binding=\"netTcpBinding\" contract=\"C\" /></service><service name=\"T\">\n<endpoint address=\"net.tcp://h:1/a\" binding=\"netTcpBinding\" contract=\"D\" /> <!--bad-->\n</service></services>",
            "endpoint", "address", "already used by service 'S'" },
        { "different bindings at one address",
            $"<bindings><netTcpBinding><binding name=\"x\" /></netTcpBinding></bindings><services>{Service}<endpoint address=\"net.tcp://h:1/a\" binding=\"netTcpBinding\" contract=\"C\" />\n<endpoint address=\"net.tcp://h:1/a\" binding=\"netTcpBinding\" bindingConfiguration=\"x\" contract=\"D\" /> <!--bad-->\n</service></services>",
            "endpoint", "bindingConfiguration", "must use the same bindingConfiguration" },
        { "duplicate client endpoint name", "<client><endpoint name=\"a\" address=\"net.tcp://h:1/a\" binding=\"netTcpBinding\" contract=\"C\" />\n<endpoint name=\"a\" address=\"net.tcp://h:1/b\" binding=\"netTcpBinding\" contract=\"D\" /> <!--bad-->\n</client>",
            "endpoint", "name", "named 'a' already exists" },
        { "two nameless client endpoints for a contract", "<client><endpoint address=\"net.tcp://h:1/a\" binding=\"netTcpBinding\" contract=\"C\" />\n<endpoint address=\"net.tcp://h:1/b\" binding=\"netTcpBinding\" contract=\"C\" /> <!--bad-->\n</client>",
            "endpoint", "contract", "another nameless client endpoint for contract 'C'" },
        { "services twice", "<services />\n<services /> <!--bad-->", "services", null, "<services> may appear only once inside <system.serviceModel>" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Bad_configuration_is_refused_with_element_attribute_and_line(
        string kind, string body, string element, string? attribute, string expected)
    {
        var xml = ServiceModelSectionTests.Wrap(body);
        var line = LineOfMarker(xml);

        var error = Assert.Throws<ConfigurationErrorsException>(() => ServiceModelSection.Parse(xml, "game.config"));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{kind}: '{error.Message}' lacks '{expected}'");
        Assert.Equal(element, error.ElementName);
        Assert.Equal(attribute, error.AttributeName);
        Assert.Equal(line, error.LineNumber);
        Assert.Equal("game.config", error.SourceName);
        var attributePart = attribute is null ? "" : $" attribute '{attribute}'";
        Assert.StartsWith($"game.config, line {line}: <{element}>{attributePart}: ", error.Message);
    }

    [Fact]
    public void Malformed_xml_is_refused_with_its_line()
    {
        var xml = "<configuration>\n<system.serviceModel>\n<services>\n</system.serviceModel>\n</configuration>";

        var error = Assert.Throws<ConfigurationErrorsException>(() => ServiceModelSection.Parse(xml));

        Assert.Equal(4, error.LineNumber);
        Assert.StartsWith("app.config, line 4: the file is not well-formed XML", error.Message);
    }

    [Fact]
    public void A_dtd_is_refused()
    {
        var xml = "<!DOCTYPE configuration [<!ENTITY big \"x\">]>\n<configuration />";

        var error = Assert.Throws<ConfigurationErrorsException>(() => ServiceModelSection.Parse(xml));

        Assert.Contains("not well-formed XML", error.Message);
    }

    [Fact]
    public void A_root_other_than_configuration_is_refused()
    {
        var error = Assert.Throws<ConfigurationErrorsException>(() => ServiceModelSection.Parse("\n<system.serviceModel />"));

        Assert.Equal("system.serviceModel", error.ElementName);
        Assert.Equal(2, error.LineNumber);
        Assert.Contains("the root element must be <configuration>", error.Message);
    }

    [Fact]
    public void A_second_section_is_refused()
    {
        var xml = "<configuration>\n<system.serviceModel />\n<system.serviceModel />\n</configuration>";

        var error = Assert.Throws<ConfigurationErrorsException>(() => ServiceModelSection.Parse(xml));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("may appear only once in <configuration>", error.Message);
    }

    [Fact]
    public void Every_refusal_case_has_exactly_one_marker()
    {
        foreach (var row in Refusals)
        {
            var body = (string)row[1];
            Assert.True(body.Split("<!--bad-->").Length == 2, $"case '{row[0]}' needs exactly one <!--bad--> marker");
        }
    }

    private static int LineOfMarker(string xml) =>
        xml.Split('\n').ToList().FindIndex(line => line.Contains("<!--bad-->")) + 1;
}
