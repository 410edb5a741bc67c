using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;
using Ikosa.Engine.Tasks;
using Ikosa.Engine.Transactions;

namespace Ikosa.Tests.Engine;

public class GroupCommitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_group_commits_each_write_with_its_own_serial_in_one_store_call_and_a_failure_stays_alone()
    {
        var store = new GroupStore();
        using var gate = TestEntities.Gate(store: store);
        var a = EntityId.New();

        var outcomes = gate.RunWriteGroup(
        [
            new GroupedWrite(tx => { tx.Put(new Counter(a, 1)); return "first"; }, TimeSpan.FromSeconds(1)),
            new GroupedWrite(tx => { tx.Put(new Counter(a, 99)); throw new InvalidOperationException("only this one"); }, TimeSpan.FromSeconds(1)),
            new GroupedWrite(tx => { tx.Put(tx.Get<Counter>(a) with { Value = 2 }); return "third"; }, TimeSpan.FromSeconds(1)),
        ]);

        Assert.Equal("first", outcomes[0].Result);
        Assert.IsType<InvalidOperationException>(outcomes[1].Error);
        Assert.Equal("third", outcomes[2].Result);
        Assert.Equal([[1L, 2L]], store.Calls);
        Assert.Equal(2, gate.Read(tx => tx.Get<Counter>(a).Value));
        Assert.Equal(2, gate.Serial);
    }

    [Fact]
    public void If_the_store_fails_the_whole_group_is_rolled_back()
    {
        var store = new GroupStore();
        using var gate = TestEntities.Gate(store: store);
        var a = EntityId.New();
        gate.Write(tx => tx.Put(new Counter(a, 1)));
        store.FailNext = true;

        var outcomes = gate.RunWriteGroup(
        [
            new GroupedWrite(tx => { tx.Put(new Counter(a, 2)); return null; }, TimeSpan.FromSeconds(1)),
            new GroupedWrite(tx => { tx.Remove(a); tx.Put(new Counter(EntityId.New(), 3)); return null; }, TimeSpan.FromSeconds(1)),
        ]);

        Assert.All(outcomes, o => Assert.IsType<StoreFailedException>(o.Error));
        Assert.Equal(new Counter(a, 1), Assert.Single(gate.Read(tx => tx.All<Counter>().ToList())));
        Assert.Equal(1, gate.Serial);
    }

    [Fact]
    public async Task Writes_from_different_queues_that_arrive_during_a_sync_share_the_next_one()
    {
        var store = new GroupStore();
        using var gate = TestEntities.Gate(store: store);
        await using var tasks = new TaskService(gate);
        store.HoldFirst = new ManualResetEventSlim();
        store.InFirst = new ManualResetEventSlim();

        var first = tasks.Submit("session-0", TransactionMode.Write, tx => tx.Put(new Counter(EntityId.New(), 0)));
        Assert.True(store.InFirst.Wait(Patience));
        var rest = Enumerable.Range(1, 5)
            .Select(i => tasks.Submit("session-" + i, TransactionMode.Write, tx => tx.Put(new Counter(EntityId.New(), i))))
            .ToArray();
        Assert.True(SpinWait.SpinUntil(() => tasks.PendingWrites == 5, Patience));
        store.HoldFirst.Set();

        await first;
        await Task.WhenAll(rest);
        Assert.Equal([[1L], [2L, 3L, 4L, 5L, 6L]], store.Calls);
    }

    [Fact]
    public void Sqlite_stores_a_group_whole_with_the_last_version_of_each_entity()
    {
        using var dir = new TempDirectory();
        var file = dir.File("game.ikosa");
        var a = EntityId.New();
        using (var store = new SqliteStore(file, TestEntities.Registry()))
        using (var gate = new ModelGate(TestEntities.Registry(), store))
        {
            gate.RunWriteGroup(
            [
                new GroupedWrite(tx => { tx.Put(new Counter(a, 1)); return null; }, TimeSpan.FromSeconds(1)),
                new GroupedWrite(tx => { tx.Put(new Counter(a, 2)); return null; }, TimeSpan.FromSeconds(1)),
            ]);
        }

        using var reopened = new SqliteStore(file, TestEntities.Registry());
        var state = reopened.Load();
        Assert.Equal(2, state.Serial);
        Assert.Equal(new Counter(a, 2), Assert.Single(state.Entities));
    }

    private sealed class GroupStore : IModelStore
    {
        public List<long[]> Calls { get; } = new();

        public bool FailNext { get; set; }

        public ManualResetEventSlim? HoldFirst { get; set; }

        public ManualResetEventSlim? InFirst { get; set; }

        public StoredState Load() => StoredState.Empty;

        public void Commit(IReadOnlyList<CommittedTransaction> commits)
        {
            if (Calls.Count == 0 && HoldFirst is not null)
            {
                InFirst!.Set();
                HoldFirst.Wait(Patience);
            }
            if (FailNext)
            {
                FailNext = false;
                throw new IOException("disk full");
            }
            Calls.Add(commits.Select(c => c.Serial).ToArray());
        }

        public void Dispose()
        {
        }
    }
}
