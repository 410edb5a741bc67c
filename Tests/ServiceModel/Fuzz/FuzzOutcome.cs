namespace Ikosa.Tests.ServiceModel.Fuzz;

/// <summary>What the host answered one hostile client, read until it closed the connection.</summary>
/// <param name="FramingFault">The framing fault record it sent (its URI), if any.</param>
/// <param name="UnexpectedSoapFaults">SOAP faults other than the typed fault the recorded Fail call gets.</param>
/// <param name="ServerEnded">It sent End: the session ended in an orderly way.</param>
/// <param name="Closed">It closed the connection within the case's time limit.</param>
/// <param name="Problem">Something the host must never do (an undecodable reply, an unexpected record), or null.</param>
public sealed record FuzzOutcome(string? FramingFault, int Messages, int UnexpectedSoapFaults, bool ServerEnded, bool Closed, string? Problem)
{
    /// <summary>The session was refused or broken: a framing fault, a SOAP fault it would not otherwise get, or no orderly End.</summary>
    public bool Failed => FramingFault is not null || UnexpectedSoapFaults > 0 || !ServerEnded;

    public string Summary =>
        FramingFault is not null ? "framing fault"
        : UnexpectedSoapFaults > 0 ? "SOAP fault"
        : !ServerEnded ? "closed without End"
        : "orderly End";

    public override string ToString() =>
        $"{Summary} (fault {FramingFault ?? "none"}, {Messages} messages, {UnexpectedSoapFaults} unexpected SOAP faults, End {ServerEnded}, closed {Closed}{(Problem is null ? "" : ", " + Problem)})";
}
