using Ikosa.ServiceModel.Framing;

namespace Ikosa.Tests.ServiceModel.Fuzz;

/// <summary>
/// One hostile client: the bytes it sends before half-closing its connection, and what the host must make of them.
/// </summary>
/// <param name="Number">Its place in the run; with the seed, enough to regenerate it.</param>
/// <param name="MustFail">
/// The mutation certainly breaks the session, so the host must answer with a framing fault, a SOAP fault the
/// recorded session does not get, or a connection closed without the orderly End.
/// </param>
/// <param name="ExpectedFault">The one framing fault the host must send, when the mutation calls for exactly one.</param>
public sealed record FuzzCase(int Number, string Kind, string Description, byte[] Bytes, bool MustFail, FramingFault? ExpectedFault = null)
{
    /// <summary>The recorded session as it is, ended with End: the control every mutation is compared with.</summary>
    public static FuzzCase Unmutated(RecordedClientSession session) =>
        new(-1, "control", session.Name, [.. session.Records.SelectMany(r => r), (byte)FramingRecordType.End], MustFail: false);

    public override string ToString() => $"case {Number} [{Kind}] {Description}";
}
