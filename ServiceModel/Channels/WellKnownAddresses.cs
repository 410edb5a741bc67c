namespace Ikosa.ServiceModel.Channels;

internal static class WellKnownAddresses
{
    /// <summary>WS-Addressing 1.0's anonymous address: "reply on the connection the request came on".</summary>
    public const string Anonymous = "http://www.w3.org/2005/08/addressing/anonymous";
}
