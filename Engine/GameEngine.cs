using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Store;
using Ikosa.Engine.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Engine;

/// <summary>
/// The engine wired together: the store (SQLite or memory), the gate over the loaded model, the
/// notification dispatcher and the task service (started, so due tasks run). What the host holds.
/// </summary>
public sealed class GameEngine : IAsyncDisposable
{
    private readonly IModelStore _store;

    private GameEngine(IModelStore store, ModelGate gate, NotificationDispatcher notifications, TaskService tasks)
    {
        _store = store;
        Gate = gate;
        Notifications = notifications;
        Tasks = tasks;
    }

    public ModelGate Gate { get; }

    public NotificationDispatcher Notifications { get; }

    public TaskService Tasks { get; }

    /// <summary>For tests that make the store fail (a full disk via <see cref="SqliteStore.PageLimit"/>).</summary>
    internal IModelStore Store => _store;

    /// <summary>Opens the game (loading the last committed state) and starts the task service.</summary>
    /// <exception cref="StoreRefusedException">the game file is corrupt, newer, read-only, or in use</exception>
    public static GameEngine Open(EntityTypeRegistry types, EngineOptions? options = null, ILoggerFactory? loggers = null)
    {
        options ??= new EngineOptions();
        loggers ??= NullLoggerFactory.Instance;
        IModelStore store = options.DatabasePath is null ? new InMemoryStore() : new SqliteStore(options.DatabasePath, types, options.Store, loggers.CreateLogger<SqliteStore>());
        try
        {
            var gate = new ModelGate(types, store, options.Gate, loggers.CreateLogger<ModelGate>());
            var notifications = new NotificationDispatcher(gate.Serial, options.Notifications, loggers.CreateLogger<NotificationDispatcher>());
            gate.AddListener(notifications);
            var tasks = new TaskService(gate, loggers.CreateLogger<TaskService>());
            tasks.Start();
            return new GameEngine(store, gate, notifications, tasks);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Tasks.DisposeAsync().ConfigureAwait(false);
        Gate.Dispose();
        _store.Dispose();
    }
}
