namespace Ikosa.Engine.Gate;

/// <summary>A snapshot of what the gate has done since it was created.</summary>
public sealed record GateStatistics(
    LockTimes Reads,
    LockTimes Writes,
    long Commits,
    long Rollbacks,
    long ReadsUpgradedToWrites,
    long Retries,
    long Failures,
    long BusyRefusals);
