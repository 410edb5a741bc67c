using System.Xml;
using System.Xml.Linq;

namespace Ikosa.Host.Startup;

/// <summary>
/// The rule packages the host's configuration file names, beside its &lt;system.serviceModel&gt;:
/// <c>&lt;ikosa&gt;&lt;rules&gt;&lt;package path="Rules/Shove" /&gt;&lt;/rules&gt;&lt;/ikosa&gt;</c>. A path is a package's DLL or
/// folder, relative to the configuration file's folder. Anything else inside &lt;ikosa&gt; is refused with its line.
/// </summary>
public static class RulesConfiguration
{
    public const string SectionName = "ikosa";

    /// <summary>The packages' full paths, in order; none when the file has no &lt;ikosa&gt; section.</summary>
    /// <exception cref="HostStartException">the section has something this host does not know</exception>
    public static IReadOnlyList<string> Read(string configFile)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(configFile, LoadOptions.SetLineInfo);
        }
        catch (Exception error) when (error is XmlException or IOException)
        {
            throw new HostStartException($"Cannot read the configuration {configFile}: {error.Message}");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(configFile))!;
        var paths = new List<string>();
        foreach (var section in document.Root?.Elements(SectionName) ?? [])
        foreach (var element in section.Elements())
        {
            if (element.Name.LocalName != "rules")
                throw Refused(configFile, element, $"<{element.Name.LocalName}> is not known inside <{SectionName}>; allowed: <rules>");
            foreach (var package in element.Elements())
            {
                if (package.Name.LocalName != "package" || package.Attribute("path") is not { Value.Length: > 0 } path)
                    throw Refused(configFile, package, "<rules> holds <package path=\"DLL or folder\" /> elements only");
                paths.Add(Path.GetFullPath(Path.Combine(folder, path.Value)));
            }
        }
        return paths;
    }

    private static HostStartException Refused(string file, XElement element, string why) =>
        new($"{file}, line {((IXmlLineInfo)element).LineNumber}: {why}.");
}
