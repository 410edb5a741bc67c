using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;
using Ikosa.Engine.Tasks;
using Ikosa.Engine.Transactions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using static SQLitePCL.raw;

namespace Ikosa.Tests.Engine;

/// <summary>
/// The store when the machine fails under it. Each outage is made for real: SQLite's page limit or a tmpfs filling up,
/// a file the kernel will not write, another connection holding the lock, the file removed or replaced. Each test
/// checks the same things: the failed write changed nothing, reads go on, the failure is typed and says what to do,
/// it is announced once, and once the cause is gone the next write the gate tries succeeds in the same process with
/// the next serial, and a restart finds exactly the acknowledged commits.
/// </summary>
public class StoreOutageTests
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_full_disk_refuses_writes_plainly_while_reads_go_on_and_saving_resumes_once_there_is_space()
    {
        using var rig = new OutageRig();
        var orc = new Creature(EntityId.New(), "Orc", 7);
        rig.Gate.Write(tx => tx.Put(orc));

        rig.Store.PageLimit = 1; // the file may not grow: a write that needs a new page fails as on a full disk

        var error = Assert.Throws<StoreFailedException>(() => rig.Gate.Write(tx =>
        {
            tx.Put(orc with { HitPoints = 1 });
            tx.Put(Big());
        }));
        var problem = error.Problem!;
        Assert.Equal(StoreProblemKind.DiskFull, problem.Kind);
        Assert.Equal("its disk is full", problem.Summary);
        Assert.Contains(rig.File, problem.Explain());
        Assert.Contains(" free)", problem.Explain());
        Assert.Equal("Free some space on that disk.", problem.Advice);
        rig.AssertHolds(1, orc);
        Assert.Equal("Orc", rig.Gate.Read(tx => tx.Get<Creature>(orc.Id).Name));

        // Until the store's next try, writes are refused untried; the try fails again; it is announced once.
        Assert.Equal(StoreProblemKind.DiskFull, Assert.Throws<StoreFailedException>(() => rig.Gate.Write(tx => tx.Put(Big()))).Problem!.Kind);
        rig.Clock.Advance(FirstRetry);
        Assert.Throws<StoreFailedException>(() => rig.Gate.Write(tx => tx.Put(Big())));
        rig.AssertHolds(1, orc);
        var stopped = Assert.Single(rig.Changes);
        Assert.True(stopped.Previous.CanSave);
        Assert.Equal(StoreProblemKind.DiskFull, stopped.Current.Problem!.Kind);

        rig.Store.PageLimit = null; // space is back
        Assert.Throws<StoreFailedException>(() => rig.Gate.Write(tx => tx.Put(Big()))); // the wait has doubled: not tried yet
        rig.Clock.Advance(2 * FirstRetry);
        var big = Big();
        rig.Gate.Write(tx => tx.Put(big));

        rig.AssertHolds(2, orc, big);
        Assert.Equal(2, rig.Changes.Count);
        var resumed = rig.Changes.Last();
        Assert.True(resumed.Current.CanSave);
        Assert.Equal(4, resumed.Previous.RefusedWrites);
        // The log says the cause once, without a stack trace, then how many writes it cost.
        var logged = Assert.Single(rig.Log.AtLeast(LogLevel.Error));
        Assert.Contains("is full", logged.Message);
        Assert.Contains(rig.Log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("4 writes were refused"));
        Assert.All(rig.Log.Entries, e => Assert.Null(e.Exception));

        var restarted = rig.Restart();
        Assert.Equal(2, restarted.Serial);
        Assert.Equal(new Entity[] { orc, big }.OrderBy(e => e.Id.ToString()), restarted.Entities.OrderBy(e => e.Id.ToString()));
    }

    [Fact]
    public async Task Writes_from_many_sessions_during_a_full_disk_are_all_refused_and_none_is_applied()
    {
        using var rig = new OutageRig();
        await using var tasks = new TaskService(rig.Gate);
        var orc = new Creature(EntityId.New(), "Orc", 7);
        rig.Gate.Write(tx => tx.Put(orc));
        rig.Store.PageLimit = 1;

        var writes = Enumerable.Range(0, 8)
            .Select(i => tasks.Submit("session-" + i, TransactionMode.Write, tx => tx.Put(Big())))
            .ToList();
        foreach (var write in writes)
            Assert.Equal(StoreProblemKind.DiskFull, (await Assert.ThrowsAsync<StoreFailedException>(() => write)).Problem!.Kind);

        rig.AssertHolds(1, orc);
        Assert.Single(rig.Changes);
    }

    [ImmutableFileFact]
    public void A_game_file_made_read_only_during_play_refuses_writes_plainly_and_saving_resumes_once_it_is_writable()
    {
        using var rig = new OutageRig();
        var orc = new Creature(EntityId.New(), "Orc", 7);
        rig.Gate.Write(tx => tx.Put(orc));
        // In WAL mode the game is the file and its WAL: as on a disk remounted read-only, neither can be written.
        string[] files = [rig.File, rig.File + "-wal"];

        FileSystemTools.Chattr("+i", files);
        try
        {
            var error = Assert.Throws<StoreFailedException>(() => rig.Gate.Write(tx => tx.Put(orc with { HitPoints = 3 })));
            Assert.True(error.Problem!.Kind == StoreProblemKind.ReadOnly, error.Problem.Explain());
            Assert.Equal("its game file has become read-only", error.Problem.Summary);
            Assert.Contains("writable", error.Problem.Advice);
            rig.AssertHolds(1, orc);

            rig.Clock.Advance(FirstRetry); // tried again: the file opens only for reading now
            var again = Assert.Throws<StoreFailedException>(() => rig.Gate.Write(tx => tx.Put(orc with { HitPoints = 3 }))).Problem!;
            Assert.True(again.Kind == StoreProblemKind.ReadOnly, again.Explain());
            rig.AssertHolds(1, orc);
            Assert.Single(rig.Changes);
        }
        finally
        {
            FileSystemTools.Chattr("-i", files);
        }

        rig.Clock.Advance(2 * FirstRetry);
        rig.Gate.Write(tx => tx.Put(orc with { HitPoints = 3 }));
        rig.AssertHolds(2, orc with { HitPoints = 3 });
        Assert.True(rig.Changes.Last().Current.CanSave);
        Assert.Equal(2, rig.Restart().Serial);
    }

    [Fact]
    public void Another_program_cannot_take_the_lock_from_the_host_and_when_it_holds_it_writes_wait_for_it()
    {
        using var rig = new OutageRig();
        var orc = new Creature(EntityId.New(), "Orc", 7);
        rig.Gate.Write(tx => tx.Put(orc));

        // While the host has the file, another program cannot even start a write, and the host keeps saving.
        using (var intruder = OtherProgram(rig.File))
            Assert.Equal(SQLITE_BUSY, Assert.Throws<SqliteException>(() => Sql(intruder, "BEGIN IMMEDIATE")).SqliteErrorCode);
        rig.Gate.Write(tx => tx.Put(orc with { HitPoints = 6 }));

        // A failure makes the host let go of its file; meanwhile another program opens it and takes the write lock.
        rig.Store.PageLimit = 1;
        Assert.Throws<StoreFailedException>(() => rig.Gate.Write(tx => tx.Put(Big())));
        using var holder = OtherProgram(rig.File);
        Sql(holder, "BEGIN IMMEDIATE");
        rig.Store.PageLimit = null;
        rig.Clock.Advance(FirstRetry);

        var error = Assert.Throws<StoreFailedException>(() => rig.Gate.Write(tx => tx.Put(orc with { HitPoints = 5 })));
        Assert.Equal(StoreProblemKind.Locked, error.Problem!.Kind);
        Assert.Equal("Close the other program that has the file open.", error.Problem.Advice);
        rig.AssertHolds(2, orc with { HitPoints = 6 });
        // Told once per cause: the disk, then the lock.
        Assert.Equal(new[] { StoreProblemKind.DiskFull, StoreProblemKind.Locked }, rig.Changes.Select(c => c.Current.Problem!.Kind));

        Sql(holder, "ROLLBACK");
        holder.Close();
        rig.Clock.Advance(2 * FirstRetry);
        rig.Gate.Write(tx => tx.Put(orc with { HitPoints = 5 }));

        rig.AssertHolds(3, orc with { HitPoints = 5 });
        Assert.True(rig.Changes.Last().Current.CanSave);
        Assert.Equal(3, rig.Restart().Serial);
    }

    [Fact]
    public void A_game_file_removed_during_play_is_written_back_from_the_open_file_and_nothing_is_lost()
    {
        using var rig = new OutageRig();
        var orc = new Creature(EntityId.New(), "Orc", 7);
        var rope = new Item(EntityId.New(), "rope", ImmutableList<string>.Empty);
        rig.Gate.Write(tx => tx.Put(orc));
        rig.Gate.Write(tx => tx.Put(rope));

        File.Delete(rig.File); // its WAL stays behind at the path, as when only the game file is deleted

        rig.Gate.Write(tx => tx.Put(orc with { HitPoints = 2 }));

        Assert.True(File.Exists(rig.File));
        rig.AssertHolds(3, orc with { HitPoints = 2 }, rope);
        Assert.Empty(rig.Changes); // it never stopped saving
        Assert.Contains(rig.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("written there again"));
        var restarted = rig.Restart();
        Assert.Equal(3, restarted.Serial);
        Assert.Equal(new Entity[] { orc with { HitPoints = 2 }, rope }.OrderBy(e => e.Id.ToString()), restarted.Entities.OrderBy(e => e.Id.ToString()));
    }

    [Fact]
    public void A_game_file_replaced_by_another_file_is_not_written_over_and_the_open_file_keeps_the_game_until_the_path_is_free()
    {
        using var rig = new OutageRig();
        var orc = new Creature(EntityId.New(), "Orc", 7);
        rig.Gate.Write(tx => tx.Put(orc));
        File.Move(rig.File, rig.File + ".moved");
        File.WriteAllText(rig.File, "someone else's file");

        var error = Assert.Throws<StoreFailedException>(() => rig.Gate.Write(tx => tx.Put(orc with { HitPoints = 2 })));
        Assert.Equal(StoreProblemKind.Moved, error.Problem!.Kind);
        Assert.Contains("Put the file back", error.Problem.Advice);
        rig.AssertHolds(1, orc);
        Assert.Equal("someone else's file", File.ReadAllText(rig.File));

        File.Delete(rig.File); // the path is free again
        rig.Clock.Advance(FirstRetry);
        rig.Gate.Write(tx => tx.Put(orc with { HitPoints = 2 }));

        rig.AssertHolds(2, orc with { HitPoints = 2 });
        var restarted = rig.Restart();
        Assert.Equal(2, restarted.Serial);
        Assert.Equal(orc with { HitPoints = 2 }, Assert.Single(restarted.Entities));
    }

    [Fact]
    public void A_file_another_program_changed_while_the_host_had_let_go_is_never_written_over()
    {
        using var rig = new OutageRig();
        var orc = new Creature(EntityId.New(), "Orc", 7);
        rig.Gate.Write(tx => tx.Put(orc));
        rig.Store.PageLimit = 1;
        Assert.Throws<StoreFailedException>(() => rig.Gate.Write(tx => tx.Put(Big())));
        using (var other = OtherProgram(rig.File))
            Sql(other, "UPDATE meta SET value = 41 WHERE key = 'serial'");
        rig.Store.PageLimit = null;

        for (var attempt = 0; attempt < 2; attempt++)
        {
            rig.Clock.Advance(TimeSpan.FromMinutes(1));
            var error = Assert.Throws<StoreFailedException>(() => rig.Gate.Write(tx => tx.Put(orc with { HitPoints = 1 })));
            Assert.Equal(StoreProblemKind.Changed, error.Problem!.Kind);
            Assert.False(error.Problem.MayClear);
            Assert.Contains("restart the host", error.Problem.Advice);
        }

        rig.AssertHolds(1, orc);
        Assert.Equal(41, rig.Restart().Serial);
    }

    [Fact]
    public async Task Scheduled_tasks_wait_for_the_store_instead_of_spinning_and_run_once_it_saves_again()
    {
        using var rig = new OutageRig();
        await using var tasks = new TaskService(rig.Gate, rig.Log.For<TaskService>());
        var task = new GrowingTask(EntityId.New());
        rig.Gate.Write(tx => tx.Schedule(task, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        rig.Store.PageLimit = 1;
        int Tries() => GrowingTask.Tries.GetValueOrDefault(task.Id);

        rig.Clock.Advance(TimeSpan.FromSeconds(1)); // t = 1: due, and the store fails
        await tasks.RunDueAsync();
        Assert.Equal(1, Tries());
        for (var i = 0; i < 5; i++) await tasks.RunDueAsync(); // not due again before the store's next try
        rig.Clock.Advance(TimeSpan.FromMilliseconds(500));
        await tasks.RunDueAsync();
        Assert.Equal(1, Tries());

        rig.Clock.Advance(TimeSpan.FromMilliseconds(500)); // t = 2: the store's next try; it fails, the next is at t = 4
        await tasks.RunDueAsync();
        Assert.Equal(2, Tries());
        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        await tasks.RunDueAsync();
        Assert.Equal(2, Tries());

        rig.Store.PageLimit = null;
        rig.Clock.Advance(TimeSpan.FromSeconds(1)); // t = 4
        await tasks.RunDueAsync();

        Assert.Equal(3, Tries());
        Assert.Single(rig.Gate.Read(tx => tx.All<Item>().ToList()));
        Assert.True(rig.Gate.Read(tx => tx.Get<ScheduledTask>(task.Id).DueAt) > rig.Clock.GetUtcNow());
        Assert.Equal(1, tasks.ScheduledCount);
        Assert.Single(rig.Log.AtLeast(LogLevel.Warning)); // the gate's one line about the disk; nothing from the task service
    }

    [TmpfsFact]
    public void A_real_disk_that_fills_up_refuses_writes_plainly_and_saving_resumes_once_space_is_freed()
    {
        using var dir = new TempDirectory();
        var disk = Path.Combine(dir.Path, "disk");
        Directory.CreateDirectory(disk);
        FileSystemTools.MountTmpfs(disk, 2 * 1024 * 1024);
        try
        {
            using var rig = new OutageRig(Path.Combine(disk, "game.ikosa"));
            var orc = new Creature(EntityId.New(), "Orc", 7);
            rig.Gate.Write(tx => tx.Put(orc));
            var filler = Path.Combine(disk, "filler");
            FillDisk(filler);

            var error = Assert.Throws<StoreFailedException>(() => rig.Gate.Write(tx => tx.Put(orc with { HitPoints = 1 })));
            Assert.Equal(StoreProblemKind.DiskFull, error.Problem!.Kind);
            Assert.Contains(" free)", error.Problem.Explain());
            rig.AssertHolds(1, orc);
            rig.Clock.Advance(FirstRetry);
            Assert.Throws<StoreFailedException>(() => rig.Gate.Write(tx => tx.Put(orc with { HitPoints = 1 })));
            Assert.Single(rig.Changes);

            File.Delete(filler);
            rig.Clock.Advance(2 * FirstRetry);
            rig.Gate.Write(tx => tx.Put(orc with { HitPoints = 1 }));

            rig.AssertHolds(2, orc with { HitPoints = 1 });
            Assert.Equal(2, rig.Restart().Serial);
        }
        finally
        {
            FileSystemTools.Unmount(disk);
        }
    }

    /// <summary>An item big enough to need new pages in the file.</summary>
    private static Item Big() => new(EntityId.New(), new string('x', 20_000), ImmutableList<string>.Empty);

    private static void FillDisk(string filler)
    {
        var block = new byte[64 * 1024];
        using var stream = new FileStream(filler, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            for (var i = 0; i < 1024; i++) stream.Write(block); // at most 64 MB, far more than the disk holds
        }
        catch (IOException)
        {
            return; // full
        }
        Assert.Fail("the disk did not fill up");
    }

    /// <summary>Another program's connection to the game file (a second connection is as good: SQLite locks per file).</summary>
    private static SqliteConnection OtherProgram(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False;Default Timeout=1");
        connection.Open();
        return connection;
    }

    private static void Sql(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
