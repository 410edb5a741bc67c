using Ikosa.Contracts;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Store;
using Ikosa.Host.Sessions;
using Microsoft.Extensions.Logging;

namespace Ikosa.Host.Game;

/// <summary>
/// Keeps the game masters told about saving: once when it stops (as a notice, since nothing can be committed then),
/// again if its cause changes, and once when it works again (as a committed event). Warns at start when the game
/// file's disk is nearly full, and makes the master's status.
/// </summary>
public sealed class StoreAlerts
{
    private readonly GameHost _game;
    private readonly ILogger _logger;

    public StoreAlerts(GameHost game)
    {
        _game = game;
        _logger = game.Loggers.CreateLogger<StoreAlerts>();
        game.Engine.Gate.StoreHealth.Changed += OnChanged;
    }

    /// <summary>The game file, or null for a game kept in memory.</summary>
    public string? DataFile => _game.Options.Engine.DatabasePath;

    /// <summary>What a player is told when a change is refused because the host cannot save.</summary>
    public static string RefusalReason(StoreProblem problem) =>
        $"The host cannot save: {problem.Summary}. Nothing was changed, and the game master has been told; try again later.";

    /// <summary>What the game master is told when saving stops: what, where, the free space, what to do.</summary>
    public static string MasterNotice(StoreProblem problem) =>
        $"The host cannot save: {problem.Explain()}. {problem.Advice} " +
        (problem.MayClear ? "Saving resumes by itself once that is done; until then players can look but not act." : "Until then players can look but not act.");

    /// <summary>Tells a game master who logs in while the host cannot save what the others were told when it stopped.</summary>
    public void TellIfCannotSave(ClientSession session)
    {
        if (session.Actor.IsMaster && _game.Engine.Gate.StoreHealth.Status.Problem is { } problem)
            _game.Engine.Notifications.Notice([session.UserName], new SystemEvent(MasterNotice(problem)));
    }

    /// <summary>Logs a warning when the game file's disk has less free space than the configured threshold.</summary>
    public void WarnIfLowOnSpace()
    {
        if (DataFile is { } file && DiskSpace.FreeBytes(file) is { } free && free < _game.Options.LowSpaceWarning)
            _logger.LogWarning("Only {Free} free on the disk holding {File} (the warning threshold is {Threshold}): the game stops saving when it is full. Free some space.",
                DiskSpace.Describe(free), file, DiskSpace.Describe(_game.Options.LowSpaceWarning));
    }

    public HostStatusInfo Status()
    {
        var health = _game.Engine.Gate.StoreHealth.Status;
        var free = DataFile is { } file ? DiskSpace.FreeBytes(file) : null;
        return new HostStatusInfo
        {
            DataFile = DataFile,
            FreeBytes = free,
            LowOnSpace = free < _game.Options.LowSpaceWarning,
            CanSave = health.CanSave,
            Problem = health.Problem is { } problem ? MasterNotice(problem) : null,
            CannotSaveSince = health.Since?.UtcDateTime,
            RefusedWrites = health.RefusedWrites,
            Serial = _game.Serial,
        };
    }

    private void OnChanged(StoreStatusChange change)
    {
        if (change.Current.Problem is { } problem)
        {
            var masters = _game.Sessions.All.Where(s => s.Actor.IsMaster).Select(s => s.UserName);
            _game.Engine.Notifications.Notice(masters, new SystemEvent(MasterNotice(problem)));
            return;
        }
        var stopped = change.Previous;
        var downtime = stopped.Since is { } since ? _game.Engine.Gate.Options.Time.GetUtcNow() - since : TimeSpan.Zero;
        _game.TryNotifyMasters($"Saving works again (it had stopped for {Describe(downtime)}; {stopped.RefusedWrites} changes were refused meanwhile).");
    }

    private static string Describe(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0} min" : $"{Math.Max(1, span.TotalSeconds):0} s";
}
