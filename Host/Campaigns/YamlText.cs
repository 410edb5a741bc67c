using YamlDotNet.RepresentationModel;

namespace Ikosa.Host.Campaigns;

/// <summary>YAML nodes as text, through YamlDotNet's emitter (so every value is quoted as it must be).</summary>
public static class YamlText
{
    public static string Of(YamlNode node)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // The emitter ends the document with "..."; a file holding one document does not need it.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }
}
