namespace Ikosa.Engine.Gate;

/// <summary>The model lock could not be taken within the configured timeout: the server is busy, try again later.</summary>
public sealed class ServerBusyException(string access, TimeSpan waited)
    : Exception($"server busy: could not get {access} access to the game model within {waited.TotalMilliseconds:0} ms");
