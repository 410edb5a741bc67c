using System.Collections.Immutable;
using Ikosa.Engine.Gate;
using Ikosa.Engine.Model;
using Ikosa.Engine.Transactions;

namespace Ikosa.Tests.Engine;

public class TransactionTests
{
    private sealed class Recorder : ICommitListener
    {
        public List<CommittedTransaction> Commits { get; } = new();

        public void OnCommitted(CommittedTransaction commit)
        {
            lock (Commits) Commits.Add(commit);
        }
    }

    [Fact]
    public void An_exception_undoes_every_kind_of_change_and_drops_the_outbox()
    {
        using var gate = TestEntities.Gate();
        var recorder = new Recorder();
        gate.AddListener(recorder);
        var kept = new Creature(EntityId.New(), "kept", 5);
        var removed = new Creature(EntityId.New(), "removed", 6);
        var item = new Item(EntityId.New(), "rope", ImmutableList<string>.Empty);
        gate.Write(tx =>
        {
            tx.Put(kept);
            tx.Put(removed);
            tx.Put(item);
        });
        var before = gate.Read(tx => tx.All<Entity>().OrderBy(e => e.Id.Value).ToList());

        Assert.Throws<ArithmeticException>(() => gate.Write(tx =>
        {
            tx.Put(kept with { HitPoints = 0 });              // replace
            tx.Put(kept with { HitPoints = -1 });             // replace twice
            Assert.True(tx.Remove(removed.Id));               // remove
            tx.Put(new Creature(EntityId.New(), "new", 1));   // add
            tx.Remove(item.Id);
            tx.Put(item with { Name = "re-added" });           // remove then re-add
            tx.Notify("alice", new Ping(1));                   // notification
            tx.Notify(["bob", "carol"], new Ping(2));          // channel message
            tx.Schedule(new BumpCounter(EntityId.New(), EntityId.New()), TimeSpan.FromSeconds(1)); // scheduled task
            throw new ArithmeticException("boom");
        }));

        var after = gate.Read(tx => tx.All<Entity>().OrderBy(e => e.Id.Value).ToList());
        Assert.Equal(before, after);
        Assert.Equal(1, gate.Serial);
        Assert.Single(recorder.Commits);
        Assert.Equal(1, gate.Metrics.Snapshot().Rollbacks);
    }

    [Fact]
    public void Rollback_restores_state_for_any_sequence_of_changes()
    {
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<int[]>(ops =>
        {
            using var gate = TestEntities.Gate();
            var ids = Enumerable.Range(0, 4).Select(i => EntityId.Named("c" + i)).ToArray();
            gate.Write(tx => tx.Put(new Creature(ids[0], "c0", 0)));
            var before = gate.Read(tx => tx.All<Creature>().OrderBy(c => c.Id.Value).ToList());

            try
            {
                gate.Write(tx =>
                {
                    foreach (var op in ops.Take(30))
                    {
                        var id = ids[Math.Abs(op % ids.Length)];
                        if (op % 3 == 0) tx.Remove(id);
                        else tx.Put(new Creature(id, "x", op));
                    }
                    throw new InvalidOperationException("abort");
                });
            }
            catch (InvalidOperationException)
            {
            }

            var after = gate.Read(tx => tx.All<Creature>().OrderBy(c => c.Id.Value).ToList());
            return before.SequenceEqual(after) && gate.Serial == 1;
        }));
    }

    [Fact]
    public void Each_commit_gets_the_next_serial_and_lists_what_changed()
    {
        using var gate = TestEntities.Gate();
        var recorder = new Recorder();
        gate.AddListener(recorder);
        var id = EntityId.New();

        gate.Write(tx => tx.Put(new Counter(id, 1)));
        gate.Write(tx => tx.Notify("alice", new Ping(7)));
        gate.Write(tx => tx.Remove(id));
        gate.Write(_ => { }); // changes nothing, so it is no commit

        Assert.Equal([1L, 2L, 3L], recorder.Commits.Select(c => c.Serial));
        Assert.Equal(new EntityChange(id, new Counter(id, 1)), recorder.Commits[0].Changes.Single());
        Assert.Equal(new Ping(7), recorder.Commits[1].Notifications["alice"].Single());
        Assert.Equal(new EntityChange(id, null), recorder.Commits[2].Changes.Single());
        Assert.Equal(3, gate.Serial);
    }

    [Fact]
    public void A_channel_message_is_shared_but_each_recipient_keeps_its_own_list()
    {
        using var gate = TestEntities.Gate();
        var recorder = new Recorder();
        gate.AddListener(recorder);

        gate.Write(tx =>
        {
            tx.Notify(["bob", "carol", "dave"], new Ping(1));
            tx.Notify("bob", new Ping(2));
            tx.Notify(["carol", "erin"], new Ping(3));
        });

        var sent = recorder.Commits.Single().Notifications;
        Assert.Equal([new Ping(1), new Ping(2)], sent["bob"]);
        Assert.Equal([new Ping(1), new Ping(3)], sent["carol"]);
        Assert.Equal([new Ping(1)], sent["dave"]);
        Assert.Equal([new Ping(3)], sent["erin"]);
    }

    [Fact]
    public void A_transaction_cannot_be_used_after_it_ended()
    {
        using var gate = TestEntities.Gate();
        Transaction? leaked = null;
        gate.Write(tx => leaked = tx);

        Assert.Throws<InvalidOperationException>(() => leaked!.Put(new Counter(EntityId.New(), 1)));
        Assert.Throws<InvalidOperationException>(() => leaked!.Find<Counter>(EntityId.New()));
    }

    [Fact]
    public void Bad_arguments_change_nothing()
    {
        using var gate = TestEntities.Gate();
        Assert.Throws<ArgumentOutOfRangeException>(() => gate.Write(tx =>
        {
            tx.Put(new Counter(EntityId.New(), 1));
            tx.Schedule(new BumpCounter(EntityId.New(), EntityId.New()), TimeSpan.FromSeconds(-1));
        }));
        Assert.Throws<ArgumentException>(() => gate.Write(tx => tx.Notify("", new Ping(1))));
        Assert.Equal(0, gate.Serial);
        Assert.Empty(gate.Read(tx => tx.All<Entity>().ToList()));
    }
}
