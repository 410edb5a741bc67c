using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ikosa.ServiceModel.Framing;

namespace Ikosa.Tests.Support;

/// <summary>Which way a captured byte stream went.</summary>
public enum CaptureDirection
{
    ClientToServer,
    ServerToClient,
}

/// <summary>One framing record of a capture: its whole bytes (type byte included) and what the capture says it decodes to.</summary>
/// <param name="Text">The Via's text for a Via record, else null.</param>
/// <param name="EnvelopeNumber">For a SizedEnvelope, its 1-based number within its stream.</param>
/// <param name="NewSessionStrings">For a SizedEnvelope, the session strings its table adds, in order.</param>
/// <param name="Xml">For a SizedEnvelope, the envelope as XML text.</param>
public sealed record CaptureRecord(
    FramingRecordType Type,
    byte[] Bytes,
    string? Text,
    int? EnvelopeNumber,
    IReadOnlyList<string> NewSessionStrings,
    string? Xml)
{
    public override string ToString() => EnvelopeNumber is { } n ? $"{Type} #{n}" : Type.ToString();
}

/// <summary>The records one side of one connection sent, in order.</summary>
public sealed record CaptureStream(int Connection, CaptureDirection Direction, int DeclaredByteCount, IReadOnlyList<CaptureRecord> Records)
{
    /// <summary>All the stream's bytes, as they went over the socket.</summary>
    public byte[] Bytes => Records.SelectMany(r => r.Bytes).ToArray();

    public IEnumerable<CaptureRecord> Envelopes => Records.Where(r => r.Type == FramingRecordType.SizedEnvelope);

    public override string ToString() => $"connection {Connection}, {Direction}";
}

public sealed record CaptureConnection(int Number, CaptureStream ClientToServer, CaptureStream ServerToClient);

/// <summary>
/// Parses a recorded net.tcp session in the text form of <c>Tests/Data/captures/</c>: <c>==== connection N, client -> server,
/// B bytes</c> headings, then <c>-- record Kind[ "via"][ #n]: hex</c> lines; a SizedEnvelope line says
/// <c>size S; new session strings: [json]</c> and is followed by <c>hex:</c> and <c>xml:</c> lines.
/// </summary>
public sealed partial class CaptureFile
{
    /// <summary>The stock WCF client ↔ CoreWCF echo session, relative to the test output folder.</summary>
    public const string StockEchoSessionPath = "Data/captures/stock-wcf-echo-session.txt";

    private CaptureFile(IReadOnlyList<CaptureConnection> connections) => Connections = connections;

    public IReadOnlyList<CaptureConnection> Connections { get; }

    /// <summary>Every stream, connection by connection, client to server first.</summary>
    public IEnumerable<CaptureStream> Streams => Connections.SelectMany(c => new[] { c.ClientToServer, c.ServerToClient });

    public static CaptureFile LoadStockEchoSession() => Load(Path.Combine(AppContext.BaseDirectory, StockEchoSessionPath));

    public static CaptureFile Load(string path) => Parse(File.ReadAllText(path));

    public static CaptureFile Parse(string text)
    {
        var streams = new List<CaptureStream>();
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        List<CaptureRecord>? records = null;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (StreamHeading().Match(line) is { Success: true } heading)
            {
                records = new List<CaptureRecord>();
                streams.Add(new CaptureStream(
                    int.Parse(heading.Groups["connection"].Value, CultureInfo.InvariantCulture),
                    heading.Groups["direction"].Value == "client -> server" ? CaptureDirection.ClientToServer : CaptureDirection.ServerToClient,
                    int.Parse(heading.Groups["bytes"].Value, CultureInfo.InvariantCulture),
                    records));
            }
            else if (RecordLine().Match(line) is { Success: true } record)
            {
                if (records is null)
                    throw new FormatException($"Line {index + 1}: a record before any '====' stream heading.");
                records.Add(ParseRecord(record, lines, ref index));
            }
        }
        return new CaptureFile(PairUp(streams));
    }

    private static CaptureRecord ParseRecord(Match record, string[] lines, ref int index)
    {
        var type = Enum.Parse<FramingRecordType>(record.Groups["kind"].Value);
        var rest = record.Groups["rest"].Value;
        var via = record.Groups["text"].Success ? record.Groups["text"].Value : null;
        if (type != FramingRecordType.SizedEnvelope)
            return new CaptureRecord(type, Convert.FromHexString(rest), via, null, [], null);

        var envelope = EnvelopeSummary().Match(rest);
        if (!envelope.Success)
            throw new FormatException($"Line {index + 1}: expected 'size S; new session strings: [...]'.");
        var strings = JsonSerializer.Deserialize<string[]>(envelope.Groups["strings"].Value) ?? [];
        var hex = Field(lines, ++index, "hex:");
        var xml = Field(lines, ++index, "xml:");
        var number = int.Parse(record.Groups["number"].Value, CultureInfo.InvariantCulture);
        return new CaptureRecord(type, Convert.FromHexString(hex), null, number, strings, xml);
    }

    private static string Field(string[] lines, int index, string name)
    {
        var line = index < lines.Length ? lines[index].TrimStart() : "";
        if (!line.StartsWith(name, StringComparison.Ordinal))
            throw new FormatException($"Line {index + 1}: expected '{name}'.");
        return line[name.Length..].Trim();
    }

    private static List<CaptureConnection> PairUp(List<CaptureStream> streams) =>
        streams.GroupBy(s => s.Connection)
            .Select(g => new CaptureConnection(
                g.Key,
                g.Single(s => s.Direction == CaptureDirection.ClientToServer),
                g.Single(s => s.Direction == CaptureDirection.ServerToClient)))
            .ToList();

    [GeneratedRegex(@"^==== connection (?<connection>\d+), (?<direction>client -> server|server -> client), (?<bytes>\d+) bytes$")]
    private static partial Regex StreamHeading();

    [GeneratedRegex("""^-- record (?<kind>\w+)(?: "(?<text>[^"]*)")?(?: #(?<number>\d+))?: (?<rest>.*)$""")]
    private static partial Regex RecordLine();

    [GeneratedRegex(@"^size (?<size>\d+); new session strings: (?<strings>\[.*\])$")]
    private static partial Regex EnvelopeSummary();
}
