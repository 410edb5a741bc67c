using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Ikosa.ServiceModel.Configuration;

/// <summary>
/// One configuration element read strictly: every attribute and child must be asked for by name, and
/// anything else is refused with an error that names the element, the attribute and the line.
/// </summary>
internal sealed partial class ConfigElement
{
    public ConfigElement(XElement element, ConfigSource source)
    {
        _element = element;
        Source = source;
    }

    public string Name => _element.Name.NamespaceName.Length == 0 ? _element.Name.LocalName : _element.Name.ToString();

    public ConfigSource Source { get; }

    public int? Line => LineOf(_element);

    public ConfigurationErrorsException Error(string message) =>
        new(message, Source.Name, Name, attributeName: null, Line);

    public ConfigurationErrorsException Error(string attributeName, string message) =>
        new(message, Source.Name, Name, attributeName, LineOf(_element.Attribute(attributeName)) ?? Line);

    /// <summary>Refuses any attribute not in <paramref name="allowed"/> (namespace declarations are not attributes).</summary>
    public void AllowAttributes(params string[] allowed)
    {
        foreach (var attribute in _element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
                continue;
            var name = attribute.Name;
            if (name.NamespaceName.Length == 0 && allowed.Contains(name.LocalName, StringComparer.Ordinal))
                continue;
            throw new ConfigurationErrorsException(
                $"unknown or unsupported attribute; allowed here: {Listing(allowed)}.",
                Source.Name, Name, name.ToString(), LineOf(attribute) ?? Line);
        }
    }

    /// <summary>The child elements, after refusing text and any child not named in <paramref name="allowed"/>.</summary>
    public IReadOnlyList<ConfigElement> Children(params string[] allowed)
    {
        var children = new List<ConfigElement>();
        foreach (var node in _element.Nodes())
        {
            switch (node)
            {
                case XElement child when child.Name.NamespaceName.Length == 0
                                         && allowed.Contains(child.Name.LocalName, StringComparer.Ordinal):
                    children.Add(new ConfigElement(child, Source));
                    break;
                case XElement child:
                    throw new ConfigElement(child, Source).Error(
                        $"unknown or unsupported element inside <{Name}>; allowed here: {Listing(allowed, "<", ">")}.");
                case XText text when !string.IsNullOrWhiteSpace(text.Value):
                    throw new ConfigurationErrorsException(
                        "text content is not allowed here.", Source.Name, Name, null, LineOfFirstCharacter(text) ?? Line);
            }
        }
        return children;
    }

    /// <summary>The one child named <paramref name="name"/> among <paramref name="children"/>, or null; a second one is refused.</summary>
    public ConfigElement? SingleChild(IReadOnlyList<ConfigElement> children, string name)
    {
        var matches = children.Where(child => child.Name == name).ToList();
        if (matches.Count > 1)
            throw matches[1].Error($"<{name}> may appear only once inside <{Name}>.");
        return matches.Count == 1 ? matches[0] : null;
    }

    public string? OptionalString(string name) => _element.Attribute(name)?.Value;

    public string RequiredString(string name)
    {
        var value = OptionalString(name);
        if (value is null)
            throw Error(name, "this attribute is required.");
        if (string.IsNullOrWhiteSpace(value))
            throw Error(name, "this attribute must not be empty.");
        return value;
    }

    public string? OptionalChoice(string name, params string[] allowed)
    {
        var value = OptionalString(name);
        if (value is null || allowed.Contains(value, StringComparer.Ordinal))
            return value;
        throw Error(name, $"'{value}' is not supported; allowed: {Listing(allowed)}.");
    }

    public bool? OptionalBool(string name)
    {
        var value = OptionalString(name);
        if (value is null)
            return null;
        if (bool.TryParse(value, out var result) && value.Trim() == value)
            return result;
        throw Error(name, $"'{value}' is not a boolean; allowed: true, false.");
    }

    public int? OptionalInt(string name, int minimum)
    {
        var value = OptionalLong(name, minimum);
        if (value is > int.MaxValue)
            throw Error(name, $"'{value}' is too large; the most allowed is {int.MaxValue}.");
        return (int?)value;
    }

    public long? OptionalLong(string name, long minimum)
    {
        var value = OptionalString(name);
        if (value is null)
            return null;
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result))
            throw Error(name, $"'{value}' is not a whole number (digits only, at most {long.MaxValue}).");
        if (result < minimum)
            throw Error(name, $"'{value}' is too small; the least allowed is {minimum}.");
        return result;
    }

    /// <summary>WCF's timeout format: [d.]hh:mm:ss[.fffffff], or "Infinite"; must be positive.</summary>
    public TimeSpan? OptionalTimeout(string name)
    {
        var value = OptionalString(name);
        if (value is null)
            return null;
        if (value == "Infinite")
            return NetTcpBinding.InfiniteTimeout;
        if (!TimeSpanShape().IsMatch(value)
            || !TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out var result))
            throw Error(name, $"'{value}' is not a timeout; use hh:mm:ss (e.g. 00:01:00), d.hh:mm:ss, or Infinite.");
        if (result <= TimeSpan.Zero)
            throw Error(name, $"'{value}' is not positive; a timeout must be longer than zero.");
        return result;
    }

    /// <summary>Lists configured names for an error message; "" is the nameless default entry.</summary>
    public static string DescribeNames(IEnumerable<string> names)
    {
        var listed = names.Select(name => name.Length == 0 ? "(the nameless default)" : $"'{name}'").ToList();
        return listed.Count == 0 ? "none" : string.Join(", ", listed);
    }

    private static int? LineOf(XObject? node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    // A text node starts right after the previous tag, usually with a line break the reader should not count.
    private static int? LineOfFirstCharacter(XText text)
    {
        var leadingWhitespace = text.Value.Length - text.Value.TrimStart().Length;
        return LineOf(text) + text.Value[..leadingWhitespace].Count(character => character == '\n');
    }

    private static string Listing(string[] names, string before = "", string after = "") =>
        names.Length == 0 ? "none" : string.Join(", ", names.Select(name => before + name + after));

    [GeneratedRegex(@"^(\d+\.)?\d{1,2}:\d{2}:\d{2}(\.\d{1,7})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeSpanShape();

    private readonly XElement _element;
}
