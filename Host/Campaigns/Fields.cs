using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Ikosa.Host.Campaigns;

/// <summary>
/// The fields of one YAML mapping ("a character", "a scene"), read by name with their types checked. Every problem is
/// recorded at the node it concerns, and <see cref="Finish"/> reports fields nobody asked for, with the nearest known one.
/// </summary>
public sealed class Fields
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly string[] _known;

    private Fields(YamlFile file, YamlNode node, string what, string[] known)
    {
        File = file;
        Source = node;
        What = what;
        _known = known;
        if (node is not YamlMappingNode mapping) return;
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalar)
                file.Error(key, $"a field name of {what} must be a plain word");
            else if (!_byName.TryAdd(name, (scalar, value)))
                file.Error(key, $"`{name}` is given twice in {what}");
        }
    }

    public YamlFile File { get; }

    /// <summary>The mapping itself, for errors about it as a whole.</summary>
    public YamlNode Source { get; }

    /// <summary>"a character", "the scene `Hall`": how errors name this mapping.</summary>
    public string What { get; }

    /// <summary>The fields of <paramref name="node"/>, which must be a mapping (else an error, and every read finds nothing).</summary>
    public static Fields Of(YamlFile file, YamlNode node, string what, params string[] known)
    {
        if (node is not YamlMappingNode)
            file.Error(node, $"{what} must be a mapping of fields (`name: value` lines)");
        return new Fields(file, node, what, known);
    }

    public bool Has(string name) => _byName.ContainsKey(name);

    /// <summary>The value of a field, or null when it is absent (an error if <paramref name="required"/>).</summary>
    public YamlNode? Node(string name, bool required = false)
    {
        _asked.Add(name);
        if (_byName.TryGetValue(name, out var field)) return field.Value;
        if (required && Source is YamlMappingNode) File.Error(Source, $"{What} needs `{name}`");
        return null;
    }

    public string? Text(string name, bool required = false) => Node(name, required) is { } node ? ReadText(File, node, $"`{name}`") : null;

    public int? Number(string name, bool required = false, int min = int.MinValue, int max = int.MaxValue) =>
        Node(name, required) is { } node ? ReadNumber(File, node, $"`{name}` of {What}", min, max) : null;

    public YamlSequenceNode? List(string name, bool required = false)
    {
        var node = Node(name, required);
        if (node is null or YamlSequenceNode) return (YamlSequenceNode?)node;
        File.Error(node, $"`{name}` of {What} must be a list (`[a, b]` or `- ` lines)");
        return null;
    }

    public YamlMappingNode? Mapping(string name, bool required = false)
    {
        var node = Node(name, required);
        if (node is null or YamlMappingNode) return (YamlMappingNode?)node;
        File.Error(node, $"`{name}` of {What} must be a mapping (`key: value` lines)");
        return null;
    }

    /// <summary>A list of texts, each checked.</summary>
    public IReadOnlyList<(string Text, YamlNode Node)> Texts(string name)
    {
        var result = new List<(string, YamlNode)>();
        foreach (var item in List(name)?.Children ?? [])
            if (ReadText(File, item, $"an entry of `{name}`") is { } text) result.Add((text, item));
        return result;
    }

    /// <summary>The position of a field's name, for errors about the field as a whole.</summary>
    public YamlNode At(string name) => _byName.TryGetValue(name, out var field) ? field.Key : Source;

    /// <summary>Reports every field that was not asked for: unknown to this kind of mapping.</summary>
    public void Finish()
    {
        foreach (var (name, field) in _byName)
            if (!_asked.Contains(name))
                File.Error(field.Key, $"`{name}` is not a field of {What}{Suggestions.Hint(name, _known)}");
    }

    public static string? ReadText(YamlFile file, YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0) return value.Trim();
        file.Error(node, node is YamlScalarNode ? $"{what} may not be empty" : $"{what} must be a single value, not a list or mapping");
        return null;
    }

    public static int? ReadNumber(YamlFile file, YamlNode node, string what, int min = int.MinValue, int max = int.MaxValue)
    {
        if (node is not YamlScalarNode { Value: { } value } ||
            !int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            file.Error(node, $"{what} must be a whole number{(node is YamlScalarNode s ? $", not `{s.Value}`" : "")}");
            return null;
        }
        if (number < min || number > max)
        {
            file.Error(node, $"{what} must be {(max == int.MaxValue ? $"at least {min}" : min == int.MinValue ? $"at most {max}" : $"from {min} to {max}")}, not {number}");
            return null;
        }
        return number;
    }
}
