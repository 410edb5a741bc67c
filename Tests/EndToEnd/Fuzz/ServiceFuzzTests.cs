using FsCheck;
using FsCheck.Fluent;
using Ikosa.Contracts;
using Xunit.Abstractions;

namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>
/// The service-level fuzz (issue 13 §2): every operation of every contract, called over loopback with generated
/// arguments by the game master and by a player, gets an answer or a typed refusal, leaves the session working, and
/// changes nothing stored when it is refused. Seeded (IKOSA_FUZZ_SEED replays a seed; the seed is in every failure)
/// and bounded in rounds and in time.
/// </summary>
public class ServiceFuzzTests(ITestOutputHelper output)
{
    /// <summary>Each sweep tries every way to spoil every argument of every operation once, and well-formed calls.</summary>
    private const int Sweeps = 2;

    /// <summary>Per caller; on a loaded machine the run stops here, once the first sweep is whole, and says how far it got.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);

    [Fact]
    public Task Every_call_of_the_game_master_gets_an_answer_or_a_typed_refusal_that_changed_nothing() => FuzzAsync("gm", "alice", "bob");

    [Fact]
    public Task Every_call_of_a_player_gets_an_answer_or_a_typed_refusal_that_changed_nothing_and_master_operations_and_others_creatures_are_denied() =>
        FuzzAsync("alice", "gm", "bob");

    [Fact]
    public async Task Every_parameter_of_every_operation_has_a_generator()
    {
        await using var table = await FuzzTable.StartAsync("alice");
        var world = table.World();

        var generators = new FuzzArguments(world);

        foreach (var operation in FuzzedOperation.All)
        {
            Assert.Single(operation.Arguments(generators).Sample(size: 10, seed: new Rnd(1), numberOfSamples: 1));
            foreach (var spoiled in operation.Cases(generators))
                Assert.Single(operation.Arguments(generators, spoiled).Sample(size: 10, seed: new Rnd(1), numberOfSamples: 1));
        }

        Assert.Equal(["IGameService", "ILoginService", "IMasterService", "IVisualizationService"], FuzzCaller.Contracts.Select(c => c.Name));
        Assert.True(FuzzedOperation.All.Count >= 35, $"{FuzzedOperation.All.Count} operations");
    }

    [Fact]
    public async Task An_argument_type_without_a_generator_fails_naming_it()
    {
        await using var table = await FuzzTable.StartAsync("alice");
        var generators = new FuzzArguments(table.World());
        var parameter = typeof(ServiceFuzzTests).GetMethod(nameof(Unfuzzable), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetParameters();

        var date = Assert.Throws<NoGeneratorException>(() => generators.Valid(typeof(DateTime), "when", parameter[0]));
        Assert.Contains("DateTime", date.Message);
        Assert.Throws<NoGeneratorException>(() => generators.Hostile(typeof(DateTime), "when", parameter[0]));
        // A data contract is generated member by member: one member the fuzz cannot make is enough to fail.
        var status = Assert.Throws<NoGeneratorException>(() => generators.Hostile(typeof(HostStatusInfo), "status", parameter[1]));
        Assert.Contains("CannotSaveSince", status.Message);
    }

    private async Task FuzzAsync(string caller, params string[] others)
    {
        var settings = FuzzSettings.FromEnvironment(Sweeps, Budget);
        await using var table = await FuzzTable.StartAsync(caller, others);

        var report = await new ServiceFuzz(table, settings).RunAsync();

        output.WriteLine(report.ToString());
        foreach (var problem in report.Problems)
            output.WriteLine(problem);
        Assert.True(report.Problems.Count == 0,
            $"{report.Problems.Count} problems as {caller} (seed {settings.Seed}: IKOSA_FUZZ_SEED={settings.Seed} replays it):\n" + string.Join("\n", report.Problems));
        Assert.Empty(report.NeverCalled);
    }

    private static void Unfuzzable(DateTime when, HostStatusInfo status)
    {
    }
}
