using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ikosa.Host.Campaigns;

/// <summary>
/// One YAML file of a campaign, parsed with YamlDotNet so that every node knows its line and column; errors found in
/// it are added to the campaign's <see cref="CampaignErrors"/> under the file's name as the game master gave it.
/// </summary>
public sealed class YamlFile
{
    private readonly string[] _lines;

    private YamlFile(string name, string text, YamlNode? root, CampaignErrors errors)
    {
        Name = name;
        _lines = text.Split('\n');
        Root = root;
        Errors = errors;
    }

    public string Name { get; }

    /// <summary>The document's top node; null for an empty file or one that could not be parsed (the error is recorded).</summary>
    public YamlNode? Root { get; }

    public CampaignErrors Errors { get; }

    /// <summary>Reads and parses <paramref name="path"/>; a syntax error is recorded where YamlDotNet found it.</summary>
    public static YamlFile Load(string path, string name, CampaignErrors errors)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            errors.Add(name, 1, 1, $"cannot read the file: {error.Message}");
            return new YamlFile(name, "", null, errors);
        }
        return Parse(text, name, errors);
    }

    public static YamlFile Parse(string text, string name, CampaignErrors errors)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            if (stream.Documents.Count > 1)
                errors.Add(name, (int)stream.Documents[1].RootNode.Start.Line, 1, "one document per file: remove the second '---'");
            return new YamlFile(name, text, root, errors);
        }
        catch (YamlException error)
        {
            var message = (error.InnerException?.Message ?? error.Message).Trim();
            // YamlDotNet prefixes its own position ("(Line: 3, Col: 5, ...): "); ours comes first already.
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith('(') && cut > 0) message = message[(cut + 3)..];
            errors.Add(name, (int)error.Start.Line, (int)error.Start.Column, $"this is not valid YAML: {message}");
            return new YamlFile(name, text, null, errors);
        }
    }

    public void Error(YamlNode at, string message) => Error(at.Start, message);

    public void Error(Mark at, string message) => Errors.Add(Name, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column), message);

    public void Error(int line, int column, string message) => Errors.Add(Name, line, column, message);

    /// <summary>
    /// The lines of a text block (a map grid) and where each begins in the file: for a literal block (<c>|</c>) each row
    /// is on its own line of the file, so an error can point at the very square.
    /// </summary>
    public IReadOnlyList<(string Text, int Line, int Column)> BlockLines(YamlScalarNode node)
    {
        var rows = (node.Value ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n').ToList();
        while (rows.Count > 0 && rows[^1].Length == 0) rows.RemoveAt(rows.Count - 1);
        var result = new List<(string, int, int)>();
        if (node.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            var firstLine = (int)node.Start.Line + 1;
            var source = firstLine - 1 < _lines.Length ? _lines[firstLine - 1].TrimEnd('\r') : "";
            var first = rows.Count > 0 ? rows[0] : "";
            var indent = Math.Max(0, Indent(source) - Indent(first));
            for (var i = 0; i < rows.Count; i++) result.Add((rows[i], firstLine + i, indent + 1));
        }
        else
        {
            for (var i = 0; i < rows.Count; i++) result.Add((rows[i], (int)node.Start.Line, (int)node.Start.Column));
        }
        return result;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
