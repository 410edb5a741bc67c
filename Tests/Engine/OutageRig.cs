using System.Collections.Concurrent;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;

namespace Ikosa.Tests.Engine;

/// <summary>
/// A gate on a real SQLite game file with a manual clock (so store retries come when the test says) and a recording
/// logger, and every change of the store's health it announced.
/// </summary>
internal sealed class OutageRig : IDisposable
{
    private readonly TempDirectory? _dir;
    private bool _closed;

    public OutageRig(string? file = null)
    {
        if (file is null)
        {
            _dir = new TempDirectory();
            file = _dir.File("game.ikosa");
        }
        File = file;
        Store = new SqliteStore(file, TestEntities.Registry(), logger: Log.For<SqliteStore>());
        // A loaded machine must not push a write over its time budget: these tests are about the store.
        Gate = new ModelGate(TestEntities.Registry(), Store, new GateOptions { Time = Clock, Budget = TimeSpan.FromSeconds(30) }, Log.For<ModelGate>());
        Gate.StoreHealth.Changed += Changes.Enqueue;
    }

    public string File { get; }

    public ManualClock Clock { get; } = new();

    public RecordingLogger Log { get; } = new();

    public SqliteStore Store { get; }

    public ModelGate Gate { get; }

    public ConcurrentQueue<StoreStatusChange> Changes { get; } = new();

    /// <summary>The model is at <paramref name="serial"/> and holds exactly <paramref name="entities"/>.</summary>
    public void AssertHolds(long serial, params Entity[] entities)
    {
        Assert.Equal(serial, Gate.Serial);
        Assert.Equal(entities.OrderBy(e => e.Id.ToString()), Gate.Read(tx => tx.All<Entity>().OrderBy(e => e.Id.ToString()).ToList()));
    }

    /// <summary>Closes the game and opens its file again, as a restart does: what it holds.</summary>
    public StoredState Restart()
    {
        Close();
        using var store = new SqliteStore(File, TestEntities.Registry());
        return store.Load();
    }

    public void Dispose()
    {
        Close();
        _dir?.Dispose();
    }

    private void Close()
    {
        if (_closed) return;
        _closed = true;
        Gate.Dispose();
        Store.Dispose();
    }
}
