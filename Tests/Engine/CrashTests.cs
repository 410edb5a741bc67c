using System.Diagnostics;
using Ikosa.Engine.Model;
using Ikosa.Engine.Store;

namespace Ikosa.Tests.Engine;

/// <summary>Same shape and type name as the child's entity (Tests/CrashWriter/CrashStream.cs).</summary>
public sealed record CrashSlot(EntityId Id, long Value, string Padding) : Entity(Id);

public class CrashTests
{
    private const int Rounds = 6;
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_each_SIGKILL_the_file_holds_exactly_a_prefix_of_the_stream_including_every_reported_commit()
    {
        using var dir = new TempDirectory();
        var file = dir.File("crash.ikosa");
        var random = new Random(20261121);
        long reportedTotal = 0;

        for (var round = 0; round < Rounds; round++)
        {
            var killAfter = random.Next(1, 120);
            // Odd rounds write from 16 sessions at once, so commits are grouped under one sync.
            var sessions = round % 2 == 0 ? 0 : 16;
            var (start, lastReported) = await RunAndKill(file, killAfter, sessions);

            var (serial, state) = Load(file);
            Assert.Equal(reportedTotal, start); // the child found what the last round left
            if (sessions == 0) Assert.InRange(serial, lastReported, lastReported + 1); // at most one durable commit not yet reported
            else Assert.InRange(serial, lastReported, lastReported + 256); // at most one group durable but not yet reported
            Assert.Equal(Expected(serial), state);
            reportedTotal = serial;
        }
        Assert.True(reportedTotal >= Rounds);
    }

    [Fact]
    public async Task A_SIGKILL_during_a_full_disk_outage_leaves_the_game_at_the_last_acknowledged_commit()
    {
        using var dir = new TempDirectory();
        var file = dir.File("outage.ikosa");
        const int Commits = 25;

        var (lastReported, refused) = await RunIntoOutageAndKill(file, Commits);

        Assert.Equal(Commits, lastReported);
        Assert.Equal(["DiskFull", "DiskFull", "DiskFull"], refused); // every write of the outage was refused, none reported
        var (serial, state) = Load(file);
        Assert.Equal(lastReported, serial); // every acknowledged commit, and not one refused write
        Assert.Equal(Expected(serial), state);
        Assert.DoesNotContain(EntityId.Named("crash.outage"), state.Keys);

        // The restarted game goes on from there.
        var (start, next) = await RunAndKill(file, killAfter: 3, sessions: 0);
        Assert.Equal(serial, start);
        Assert.True(next >= serial + 3);
    }

    /// <summary>Runs the writer in outage mode: <paramref name="commits"/> commits, then a full file and refused writes; kills it once it says "outage".</summary>
    private static async Task<(long LastReported, List<string> Refused)> RunIntoOutageAndKill(string file, int commits)
    {
        using var child = StartWriter(file, commits.ToString(), "outage");
        using var timeout = new CancellationTokenSource(RoundTimeout);
        try
        {
            long last = 0;
            var refused = new List<string>();
            while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line && line != "outage")
            {
                if (line.StartsWith("committed ", StringComparison.Ordinal)) last = long.Parse(line.Split(' ')[1]);
                else if (line.StartsWith("refused ", StringComparison.Ordinal)) refused.Add(line.Split(' ')[1]);
            }
            if (child.HasExited) Assert.Fail("the crash writer ended before its outage: " + await child.StandardError.ReadToEndAsync(timeout.Token));
            child.Kill(); // SIGKILL while the disk is full
            await child.WaitForExitAsync(timeout.Token);
            return (last, refused);
        }
        finally
        {
            if (!child.HasExited) child.Kill();
        }
    }

    /// <summary>Starts the writer, waits until it has reported <paramref name="killAfter"/> commits, and kills it mid-stream; returns the highest serial it reported.</summary>
    private static async Task<(long Start, long LastReported)> RunAndKill(string file, int killAfter, int sessions)
    {
        using var child = StartWriter(file, "1000000", sessions.ToString());
        using var timeout = new CancellationTokenSource(RoundTimeout);
        try
        {
            var first = await child.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException(
                "the crash writer ended at once: " + await child.StandardError.ReadToEndAsync(timeout.Token));
            var start = long.Parse(first.Split(' ')[1]);
            var last = start;
            for (var seen = 0; seen < killAfter; seen++)
            {
                var line = await child.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the crash writer stopped early");
                last = Math.Max(last, long.Parse(line.Split(' ')[1]));
            }
            child.Kill(); // SIGKILL on Unix: no chance to flush or close anything
            // Whatever it printed before dying was reported too.
            while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("committed ", StringComparison.Ordinal)) last = Math.Max(last, long.Parse(line.Split(' ')[1]));
            }
            await child.WaitForExitAsync(timeout.Token);
            return (start, last);
        }
        finally
        {
            if (!child.HasExited) child.Kill();
        }
    }

    private static (long Serial, Dictionary<EntityId, long> State) Load(string file)
    {
        var types = new EntityTypeRegistry().Register<CrashSlot>("crash.slot");
        using var store = new SqliteStore(file, types);
        var loaded = store.Load();
        return (loaded.Serial, loaded.Entities.Cast<CrashSlot>().ToDictionary(s => s.Id, s => s.Value));
    }

    /// <summary>The state after commits 1..n of the stream (mirrors CrashStream.Apply).</summary>
    private static Dictionary<EntityId, long> Expected(long n)
    {
        var state = new Dictionary<EntityId, long>();
        for (var k = 1L; k <= n; k++)
        {
            state[EntityId.Named("crash.head")] = k;
            state[EntityId.Named("crash.slot." + k % 7)] = k;
            state.Remove(EntityId.Named("crash.slot." + (k + 3) % 7));
        }
        return state;
    }

    private static Process StartWriter(params string[] arguments) =>
        Process.Start(new ProcessStartInfo(DotnetHost(), [WriterPath(), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;

    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    private static string WriterPath()
    {
        // Tests/bin/<configuration>/<tfm>/ -> Tests/CrashWriter/bin/<configuration>/<tfm>/
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = here.Name;
        var configuration = here.Parent!.Name;
        var path = Path.Combine(here.Parent.Parent!.Parent!.FullName, "CrashWriter", "bin", configuration, tfm, "Ikosa.Tests.CrashWriter.dll");
        Assert.True(File.Exists(path), $"the crash writer is not built at {path}");
        return path;
    }
}
