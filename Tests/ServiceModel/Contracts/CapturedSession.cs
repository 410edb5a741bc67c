using System.Xml.Linq;

namespace Ikosa.Tests.ServiceModel.Contracts;

/// <summary>The decoded envelopes (<c>xml:</c> lines) of the recorded stock WCF session, in order.</summary>
internal static class CapturedSession
{
    public static readonly XNamespace Soap = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Addressing = "http://www.w3.org/2005/08/addressing";

    private static readonly Lazy<IReadOnlyList<string>> Envelopes = new(() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "captures", "stock-wcf-echo-session.txt"))
            .Select(line => line.TrimStart())
            .Where(line => line.StartsWith("xml: ", StringComparison.Ordinal))
            .Select(line => line["xml: ".Length..])
            .ToList());

    /// <summary>The text of the first envelope whose Action is <paramref name="action"/> and whose body satisfies <paramref name="match"/>.</summary>
    public static string Envelope(string action, Func<XElement, bool>? match = null) =>
        Envelopes.Value.First(text =>
        {
            var envelope = XElement.Parse(text);
            return envelope.Element(Soap + "Header")!.Element(Addressing + "Action")!.Value == action &&
                   (match is null || match(BodyContent(envelope)));
        });

    /// <summary>The first element inside s:Body.</summary>
    public static XElement BodyContent(XElement envelope) => envelope.Element(Soap + "Body")!.Elements().Single();

    public static XElement BodyContent(string envelopeText) => BodyContent(XElement.Parse(envelopeText));
}
