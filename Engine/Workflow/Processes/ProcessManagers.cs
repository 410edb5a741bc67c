using System.Collections.Concurrent;

namespace Ikosa.Engine.Workflow.Processes;

/// <summary>
/// Finds the process manager serving a game, for scheduled tasks: a task is stored data and its
/// <c>Run</c> receives only a transaction, but applying a timeout needs the manager's dice.
/// Keyed by the game id kept in the model, so several games (and parallel tests) never mix.
/// </summary>
internal static class ProcessManagers
{
    private static readonly ConcurrentDictionary<Guid, WeakReference<ProcessManager>> Managers = new();

    public static void Register(Guid gameId, ProcessManager manager) =>
        Managers[gameId] = new WeakReference<ProcessManager>(manager);

    public static ProcessManager? Find(Guid gameId) =>
        Managers.TryGetValue(gameId, out var reference) && reference.TryGetTarget(out var manager) ? manager : null;
}
