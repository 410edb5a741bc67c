using Ikosa.Contracts;
using Ikosa.Engine;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;
using Ikosa.Host.Game;
using Ikosa.ServiceModel;
using Ikosa.Tests.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// The host when its machine fails under it, seen from the players and the game master over real sockets: while the
/// disk is full the game can be looked at but not changed, each refusal is a typed fault saying what happened and
/// what to do, the master is told once (with the path and the free space) and again when saving works; and at start,
/// a game file the host cannot write is refused in one line.
/// </summary>
public class HostStoreOutageTests
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;

    [Fact]
    public async Task While_the_disk_is_full_players_look_but_cannot_act_the_master_is_told_once_and_play_resumes_when_space_returns()
    {
        using var dir = new TempDirectory();
        var file = dir.File("game.ikosa");
        var clock = new ManualClock(); // store retries come when the test advances it
        await using var game = await LoopbackGame.StartAsync(file, engineClock: clock);
        var gm = await game.LoginAsync("gm");
        var alice = await game.LoginAsync("alice", Tordek);
        var store = (SqliteStore)game.Game.Engine.Store;
        var serial = game.Game.Serial;
        var tordek = await alice.Client.Game.GetCreatureAsync(Tordek);
        CreatureEditInfo Rename() => new() { Id = Tordek, ExpectedVersion = tordek.Version, Name = "Tordek the Tired" };
        // A write that needs new pages finds the disk full (a short edit may fit in the pages the file has).
        void WriteThatNeedsSpace() => Assert.Throws<StoreFailedException>(() => game.Game.Engine.Gate.Write(tx =>
            tx.Put(tx.Get<Ikosa.Engine.Rules.Creatures.Creature>(new EntityId(Tordek)) with { Name = new string('T', 200_000) })));

        store.PageLimit = 1; // the disk is full: the file may not grow
        WriteThatNeedsSpace();

        // The master's edit meanwhile is refused with a fault that says what happened and what to do.
        var fault = await Assert.ThrowsAsync<FaultException<HostCannotSaveFault>>(() => gm.Client.Master!.EditCreatureAsync(Rename()));
        Assert.Equal("DiskFull", fault.Detail.Cause);
        Assert.Equal("The host cannot save: its disk is full. Nothing was changed, and the game master has been told; try again later.", fault.Detail.Reason);
        // A player's change meanwhile is refused the same way, without the disk being tried again.
        var refused = await Assert.ThrowsAsync<FaultException<HostCannotSaveFault>>(() => alice.SayAsync("anyone there?"));
        Assert.Equal(fault.Detail.Reason, refused.Detail.Reason);
        Assert.Equal(serial, game.Game.Serial);

        // The game can still be looked at: the sheet, the view, the dice log, the turn tracker; and a known user logs in.
        Assert.Equal(tordek.Name, (await alice.Client.Game.GetCreatureAsync(Tordek)).Name);
        var view = await alice.Client.Visualization.GetViewAsync(Tordek);
        Assert.NotEmpty(view.Visible);
        Assert.Equal(Tordek, view.Viewer);
        await alice.Client.Game.GetDiceLogAsync(10);
        Assert.False((await alice.Client.Game.GetTurnTrackerAsync()).InCombat);
        var bob = await game.LoginAsync("bob");
        Assert.NotEmpty(await bob.Client.Login.GetUsersAsync());

        // The master is told, with the path and the free space; a second failed try tells nobody again.
        var told = (await gm.WaitForSystemEventAsync("The host cannot save")).Items.OfType<SystemEventInfo>().Single(n => n.What.Contains("The host cannot save")).What;
        Assert.True(told.Contains(file) && told.Contains(" free)") && told.Contains("Free some space"), told);
        clock.Advance(TimeSpan.FromSeconds(1));
        WriteThatNeedsSpace();
        await Assert.ThrowsAsync<FaultException<HostCannotSaveFault>>(() => gm.Client.Master!.EditCreatureAsync(Rename()));
        var status = await gm.Client.Master!.GetHostStatusAsync();
        Assert.False(status.CanSave);
        Assert.Equal(file, status.DataFile);
        Assert.True(status.FreeBytes > 0);
        Assert.Contains(file, status.Problem);
        Assert.True(status.RefusedWrites >= 3);
        Assert.Equal(serial, status.Serial);

        // The master moves to another machine: logging in there, they are told what they missed.
        var gmAgain = await game.LoginAsync("gm");
        await gmAgain.WaitForSystemEventAsync("The host cannot save");
        Assert.Single(gm.Notifications.OfType<SystemEventInfo>(), n => n.What.Contains("The host cannot save"));

        // Space returns: the next change succeeds in the same process, with the next serial, and the master hears it.
        store.PageLimit = null;
        clock.Advance(TimeSpan.FromSeconds(2));
        await alice.SayAsync("back in business");
        var chat = await alice.WaitForChatAsync("back in business");
        Assert.Equal(serial + 1, chat.Serial);
        await gmAgain.WaitForSystemEventAsync("Saving works again");
        Assert.Single(gmAgain.Notifications.OfType<SystemEventInfo>(), n => n.What.Contains("The host cannot save"));
        Assert.True((await gmAgain.Client.Master!.GetHostStatusAsync()).CanSave);
    }

    [Fact]
    public async Task The_host_refuses_to_start_on_a_game_file_another_program_holds_saying_why_in_one_line()
    {
        using var dir = new TempDirectory();
        var file = dir.File("game.ikosa");
        new SqliteStore(file, GameHost.Types()).Dispose();
        using var other = new SqliteConnection($"Data Source={file};Pooling=False");
        other.Open();
        using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE"; // another program is writing to it
            begin.ExecuteNonQuery();
        }

        var (exitCode, output, errors) = await HostProcess.RunToExitAsync(["--data", file, "--no-serve"]);

        Assert.Equal(3, exitCode);
        var line = Assert.Single(Lines(errors));
        Assert.StartsWith("Cannot start: ", line);
        Assert.Contains(file, line);
        Assert.Contains("in use by another program", line);
        Assert.DoesNotContain("   at ", output + errors);
    }

    [ImmutableFileFact]
    public async Task The_host_refuses_to_start_on_a_game_file_it_cannot_write_saying_why_in_one_line()
    {
        using var dir = new TempDirectory();
        var file = dir.File("game.ikosa");
        new SqliteStore(file, GameHost.Types()).Dispose();
        FileSystemTools.Chattr("+i", file);
        try
        {
            var (exitCode, output, errors) = await HostProcess.RunToExitAsync(["--data", file, "--no-serve"]);

            Assert.Equal(3, exitCode);
            var line = Assert.Single(Lines(errors));
            Assert.Contains(file, line);
            Assert.Contains("cannot be written", line);
            Assert.Contains("Make it writable", line);
            Assert.DoesNotContain("   at ", output + errors);
        }
        finally
        {
            FileSystemTools.Chattr("-i", file);
        }
    }

    [Fact]
    public async Task The_host_warns_at_start_when_its_disk_is_low_on_space_and_the_masters_status_shows_the_space()
    {
        using var dir = new TempDirectory();
        var file = dir.File("game.ikosa");
        var log = new RecordingLogger();
        Ikosa.Host.Security.PasswordHasher.Iterations = 1_000; // as LoopbackGame: the production default is slow on purpose
        var (game, _) = GameHost.Open(new GameHostOptions
        {
            Engine = new EngineOptions { DatabasePath = file },
            InitialPasswords = Sample.Players.Append("gm").ToDictionary(u => u, LoopbackGame.PasswordOf),
            LowSpaceWarning = long.MaxValue, // no disk has that much free
        }, log);
        await using (game)
        {
            var warning = Assert.Single(log.AtLeast(LogLevel.Warning));
            Assert.Contains("free on the disk holding " + file, warning.Message);

            var status = game.StoreAlerts.Status();
            Assert.True(status.LowOnSpace);
            Assert.True(status.CanSave);
            Assert.Equal(file, status.DataFile);
            Assert.True(status.FreeBytes > 0);
            Assert.Null(status.Problem);
        }

        // The threshold is the host's --low-space-warning option (in MB).
        var (exitCode, output, _) = await HostProcess.RunToExitAsync(["--data", file, "--no-serve", "--low-space-warning", "100000000000"]);
        Assert.Equal(0, exitCode);
        Assert.Contains("free on the disk holding " + file, output);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
