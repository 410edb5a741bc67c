namespace Ikosa.Host.Startup;

/// <summary>The host cannot start; the message is the one line the game master reads: what, why, and what to do.</summary>
public sealed class HostStartException(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
