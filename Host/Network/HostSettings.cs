using System.Xml;
using System.Xml.Linq;
using Ikosa.Host.Startup;

namespace Ikosa.Host.Network;

/// <summary>
/// The host's own settings in the configuration file, beside <c>&lt;system.serviceModel&gt;</c>: the
/// <c>&lt;appSettings&gt;</c> keys <c>listen</c> (addresses separated by spaces or commas, as <c>--listen</c> takes
/// them), <c>insecure</c> and <c>insecurePasswords</c> (<c>true</c> or <c>false</c>). The command line overrides them. As
/// strict as the rest of the file: an unknown key or a bad value stops the start, naming the file and line.
/// </summary>
public sealed record HostSettings(IReadOnlyList<ListenAddress> Listen, bool Insecure, bool InsecurePasswords)
{
    public static readonly HostSettings None = new([], false, false);

    private static readonly string[] Keys = ["listen", "insecure", "insecurePasswords"];

    /// <exception cref="HostStartException">The file's appSettings cannot be read.</exception>
    public static HostSettings Load(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or XmlException)
        {
            throw new HostStartException($"Cannot read the configuration {path}: {error.Message}");
        }
        var settings = None;
        foreach (var add in document.Root?.Elements("appSettings").Elements() ?? [])
        {
            var key = (string?)add.Attribute("key");
            var value = ((string?)add.Attribute("value") ?? "").Trim();
            if (add.Name != "add" || !Keys.Contains(key, StringComparer.Ordinal))
                throw Bad(path, add, $"<appSettings> takes <add key=\"...\" value=\"...\"/> with the keys {string.Join(", ", Keys)}");
            settings = key switch
            {
                "listen" => settings with { Listen = ParseListen(path, add, value) },
                "insecure" => settings with { Insecure = ParseFlag(path, add, value) },
                _ => settings with { InsecurePasswords = ParseFlag(path, add, value) },
            };
        }
        return settings;
    }

    private static List<ListenAddress> ParseListen(string path, XElement add, string value)
    {
        try
        {
            return value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(ListenAddress.Parse).ToList();
        }
        catch (FormatException error)
        {
            throw Bad(path, add, error.Message);
        }
    }

    private static bool ParseFlag(string path, XElement add, string value) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw Bad(path, add, $"'{value}' is neither true nor false"),
    };

    private static HostStartException Bad(string path, XElement element, string what)
    {
        var line = ((IXmlLineInfo)element).HasLineInfo() ? $", line {((IXmlLineInfo)element).LineNumber}" : "";
        return new HostStartException($"{Path.GetFileName(path)}{line}: {what}.");
    }
}
