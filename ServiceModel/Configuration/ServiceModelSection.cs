using System.Collections.ObjectModel;
using System.Xml;
using System.Xml.Linq;

namespace Ikosa.ServiceModel.Configuration;

/// <summary>
/// The <c>&lt;system.serviceModel&gt;</c> section of an app.config, read strictly: anything unknown, unsupported or
/// inconsistent is refused with a <see cref="ConfigurationErrorsException"/> naming the element and line, and
/// nothing is returned. Other sections of the file are not ours and are not looked at.
/// See ServiceModel/Configuration/README.md for the supported shape.
/// </summary>
public sealed class ServiceModelSection
{
    public const string SectionName = "system.serviceModel";

    private ServiceModelSection(
        IReadOnlyList<ServiceConfig> services,
        IReadOnlyDictionary<string, NetTcpBinding> netTcpBindings,
        IReadOnlyDictionary<string, ServiceBehaviorConfig> serviceBehaviors,
        IReadOnlyList<ClientEndpointConfig> clientEndpoints)
    {
        Services = services;
        NetTcpBindings = netTcpBindings;
        ServiceBehaviors = serviceBehaviors;
        ClientEndpoints = clientEndpoints;
    }

    public IReadOnlyList<ServiceConfig> Services { get; }

    /// <summary>The binding configurations by name ("" is the nameless default). Endpoints hold their own copies.</summary>
    public IReadOnlyDictionary<string, NetTcpBinding> NetTcpBindings { get; }

    /// <summary>The service behaviors by name ("" is the nameless default).</summary>
    public IReadOnlyDictionary<string, ServiceBehaviorConfig> ServiceBehaviors { get; }

    public IReadOnlyList<ClientEndpointConfig> ClientEndpoints { get; }

    /// <summary>Reads the file's <c>&lt;configuration&gt;&lt;system.serviceModel&gt;</c>; relative file paths in it start at the file's folder.</summary>
    /// <exception cref="ConfigurationErrorsException">The file cannot be read, or the section is invalid.</exception>
    public static ServiceModelSection Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string xml;
        try
        {
            xml = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigurationErrorsException($"cannot read the configuration file: {exception.Message}", path, innerException: exception);
        }
        return Parse(xml, path);
    }

    /// <summary>Reads configuration text. <paramref name="sourceName"/> names it in errors, and its folder is where relative file paths start.</summary>
    /// <exception cref="ConfigurationErrorsException">The XML is malformed or the section is invalid.</exception>
    public static ServiceModelSection Parse(string xml, string sourceName = "app.config")
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var source = ConfigSource.For(sourceName);
        var root = LoadDocument(xml, source.Name).Root!;
        if (root.Name != "configuration")
            throw new ConfigElement(root, source).Error("the root element must be <configuration>.");

        var sections = root.Elements(SectionName).ToList();
        if (sections.Count == 0)
            return Empty;
        if (sections.Count > 1)
            throw new ConfigElement(sections[1], source).Error($"<{SectionName}> may appear only once in <configuration>.");
        return Read(new ConfigElement(sections[0], source));
    }

    /// <summary>The service configured under <paramref name="name"/> (the implementation type's name), or null.</summary>
    public ServiceConfig? FindService(string name) => Services.FirstOrDefault(service => service.Name == name);

    /// <summary>
    /// The client endpoint with this name, or else the only client endpoint for this contract, or null.
    /// </summary>
    /// <exception cref="InvalidOperationException">No endpoint has this name and several serve this contract.</exception>
    public ClientEndpointConfig? FindClientEndpoint(string nameOrContract)
    {
        var byName = ClientEndpoints.FirstOrDefault(endpoint => !string.IsNullOrEmpty(endpoint.Name) && endpoint.Name == nameOrContract);
        if (byName is not null)
            return byName;
        var byContract = ClientEndpoints.Where(endpoint => endpoint.Contract == nameOrContract).ToList();
        if (byContract.Count > 1)
            throw new InvalidOperationException(
                $"{byContract.Count} client endpoints serve contract '{nameOrContract}' " +
                $"({string.Join(", ", byContract.Select(endpoint => $"'{endpoint.Name}'"))}); ask for one by name.");
        return byContract.SingleOrDefault();
    }

    private static readonly ServiceModelSection Empty = new(
        [],
        ReadOnlyDictionary<string, NetTcpBinding>.Empty,
        ReadOnlyDictionary<string, ServiceBehaviorConfig>.Empty,
        []);

    private static XDocument LoadDocument(string xml, string sourceName)
    {
        // No DTDs: a config file has no use for them and they can expand without bound.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            throw new ConfigurationErrorsException(
                $"the file is not well-formed XML: {exception.Message}", sourceName,
                lineNumber: exception.LineNumber > 0 ? exception.LineNumber : null, innerException: exception);
        }
    }

    // Bindings and behaviors are read first: services and clients refer to them wherever they appear in the file.
    private static ServiceModelSection Read(ConfigElement section)
    {
        section.AllowAttributes();
        var children = section.Children("services", "bindings", "behaviors", "client");
        var servicesElement = section.SingleChild(children, "services");
        var bindingsElement = section.SingleChild(children, "bindings");
        var behaviorsElement = section.SingleChild(children, "behaviors");
        var clientElement = section.SingleChild(children, "client");

        var bindings = bindingsElement is null ? new Dictionary<string, NetTcpBinding>() : NetTcpBindingReader.ReadBindings(bindingsElement);
        var behaviors = behaviorsElement is null ? new Dictionary<string, ServiceBehaviorConfig>() : ServiceBehaviorReader.ReadBehaviors(behaviorsElement);
        var services = servicesElement is null ? [] : new ServiceReader(bindings, behaviors).ReadServices(servicesElement);
        var clients = clientElement is null ? [] : ClientEndpointReader.ReadEndpoints(clientElement, bindings);

        return new ServiceModelSection(services.AsReadOnly(), bindings.AsReadOnly(), behaviors.AsReadOnly(), clients.AsReadOnly());
    }
}
