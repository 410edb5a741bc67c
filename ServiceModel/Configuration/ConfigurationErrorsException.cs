namespace Ikosa.ServiceModel.Configuration;

/// <summary>
/// The configuration is malformed, unsupported or inconsistent. The message names the source, the line,
/// the element (and attribute) and says what is allowed, e.g.
/// <c>app.config, line 12: &lt;endpoint&gt; attribute 'binding' = 'basicHttpBinding': only 'netTcpBinding' is supported.</c>
/// </summary>
public sealed class ConfigurationErrorsException : Exception
{
    public ConfigurationErrorsException(
        string bareMessage,
        string sourceName,
        string? elementName = null,
        string? attributeName = null,
        int? lineNumber = null,
        Exception? innerException = null)
        : base(Compose(bareMessage, sourceName, elementName, attributeName, lineNumber), innerException)
    {
        BareMessage = bareMessage;
        SourceName = sourceName;
        ElementName = elementName;
        AttributeName = attributeName;
        LineNumber = lineNumber;
        Source = sourceName;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string BareMessage { get; }

    /// <summary>The configuration file (or the name given to the parsed text).</summary>
    public string SourceName { get; }

    public string? ElementName { get; }

    public string? AttributeName { get; }

    /// <summary>1-based line of the offending element or attribute, when known.</summary>
    public int? LineNumber { get; }

    private static string Compose(string bareMessage, string sourceName, string? elementName, string? attributeName, int? lineNumber)
    {
        var location = lineNumber is { } line ? $"{sourceName}, line {line}" : sourceName;
        var subject = elementName is null ? "" : $" <{elementName}>";
        if (attributeName is not null)
            subject += $" attribute '{attributeName}'";
        return subject.Length == 0 ? $"{location}: {bareMessage}" : $"{location}:{subject}: {bareMessage}";
    }
}
