using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Ikosa.Contracts;

namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>
/// Calls every operation of every contract through the table's caller, in sweeps: a sweep makes, for each operation, one
/// call per way to spoil one of its arguments (<see cref="FuzzArguments.Hostile"/>) and a few calls with well-formed
/// arguments, all in a seeded order. Each call is checked: an answer or a typed refusal the operation declares, never
/// an untyped fault, a closed channel or a hang; a refusal (a fault, or an answer in which the rules said no) changed
/// nothing stored and committed nothing; a player is denied master operations and creatures not theirs; and every
/// channel of the login still answers a cheap call afterwards.
/// </summary>
public sealed class ServiceFuzz(FuzzTable table, FuzzSettings settings)
{
    /// <summary>The operations whose answer ends the caller's own login; the fuzz logs in again after them.</summary>
    private static readonly string[] EndTheLogin = ["ILoginService.Logout"];

    /// <summary>A cheap call per contract that a bound channel answers (a player's master channel with a refusal).</summary>
    private static readonly Dictionary<Type, (string Method, object?[] Arguments)> Probes = new()
    {
        [typeof(ILoginService)] = (nameof(ILoginService.GetCharactersAsync), []),
        [typeof(IGameService)] = (nameof(IGameService.GetTurnTrackerAsync), []),
        [typeof(IVisualizationService)] = (nameof(IVisualizationService.GetImageAsync), ["heroes.svg"]),
        [typeof(IMasterService)] = (nameof(IMasterService.GetHostStatusAsync), []),
    };

    /// <summary>Calls with well-formed arguments per operation and sweep: they move the game on (combat, prompts, edits).</summary>
    private const int WellFormedCalls = 3;

    /// <summary>The table is brought back (everyone seated, playing their character) this often.</summary>
    private const int CallsBetweenRestores = 40;

    /// <summary>FsCheck's size: how long its random strings get.</summary>
    private const int Size = 30;

    public async Task<FuzzReport> RunAsync()
    {
        var report = new FuzzReport(table.Caller.User, settings.Seed);
        var operations = FuzzedOperation.All;
        report.Expect(operations);
        var order = new System.Random(settings.Seed);
        var clock = Stopwatch.StartNew();
        // The first sweep always runs whole, so what is tested does not depend on the machine's speed; the budget
        // only decides whether further sweeps fit.
        for (var sweep = 0; sweep < settings.Sweeps && (sweep == 0 || clock.Elapsed < settings.Budget); sweep++)
        {
            report.Sweeps++;
            var generators = new FuzzArguments(table.World());
            var calls = operations
                .SelectMany(o => o.Cases(generators).Select(c => (Operation: o, Case: (string?)c)).Concat(Enumerable.Repeat((Operation: o, Case: (string?)null), WellFormedCalls)))
                .OrderBy(_ => order.Next())
                .ToList();
            for (var i = 0; i < calls.Count && (sweep == 0 || clock.Elapsed < settings.Budget); i++)
            {
                if (i % CallsBetweenRestores == 0)
                    await table.RestoreAsync();
                await FuzzAsync(calls[i].Operation, calls[i].Case, report);
            }
        }
        report.Elapsed = clock.Elapsed;
        return report;
    }

    /// <summary>One call of <paramref name="operation"/>, with the argument case <paramref name="spoiled"/> (or well formed), and its checks.</summary>
    private async Task FuzzAsync(FuzzedOperation operation, string? spoiled, FuzzReport report)
    {
        var world = table.World();
        var rnd = new Rnd(unchecked((ulong)settings.Seed * 1_000_003UL + (ulong)report.Calls));
        var arguments = operation.Arguments(new FuzzArguments(world), spoiled).Sample(size: Size, seed: rnd, numberOfSamples: 1)[0];
        var values = arguments.Select(a => a.Value).ToArray();
        var mustDeny = operation.MustDeny(world, values);
        var caller = table.Caller;
        var before = StoredGame.Read(table.Game.Game);
        var serialBefore = table.Game.Game.Serial;

        var outcome = await CallOutcome.OfCallAsync(caller.Channels[operation.Contract], operation.Method, values, settings.CallTimeout);
        if (Unsendable(arguments, outcome))
            outcome = outcome with { Summary = CallOutcome.Unsendable };

        report.Count(operation, spoiled, arguments, outcome);
        var problems = new List<string>();
        if (outcome.Problem(operation.Description) is { } wrong)
            problems.Add(wrong);
        if (mustDeny is not null && !outcome.IsDenied)
            problems.Add($"{mustDeny} was not denied");
        if (outcome.Refused || outcome.RefusedByRules)
            problems.AddRange(Unchanged(before, serialBefore));
        var loginEnded = table.Game.Game.Sessions.FindByTicket(caller.Ticket) is null;
        if (outcome.Accepted && EndTheLogin.Contains(operation.Name))
        {
            if (!loginEnded)
                problems.Add("the login did not end");
            await table.ReplaceCallerAsync();
        }
        else
        {
            if (loginEnded)
                problems.Add("the caller's login ended");
            problems.AddRange(caller.Broken());
            if (problems.Count == 0)
                problems.AddRange(await ProbeAsync(caller));
        }
        if (problems.Count > 0)
        {
            report.Fail(operation, arguments, outcome, problems);
            await table.ReplaceCallerAsync(); // a fresh login, so that one broken session does not hide the next problem
        }
    }

    /// <summary>A refusal commits nothing: the stored game has the same hash, and no commit (not even of notifications) was made.</summary>
    private IEnumerable<string> Unchanged(StoredGame before, long serialBefore)
    {
        var after = StoredGame.Read(table.Game.Game);
        if (after.Hash != before.Hash)
            yield return $"refused, yet the stored game changed ({before.Hash} -> {after.Hash}): {string.Join(", ", before.ChangesTo(after))}";
        else if (table.Game.Game.Serial != serialBefore)
            yield return $"refused, yet a commit was made (serial {serialBefore} -> {table.Game.Game.Serial})";
    }

    /// <summary>
    /// An undefined enum value cannot leave a contract client: its DataContractSerializer refuses to write it, before
    /// anything is sent. (A raw message carrying one is a body that cannot be read: WCF's DeserializationFailed fault,
    /// HostileSessionTests.) The channel must still work afterwards, which the probe checks.
    /// </summary>
    private static bool Unsendable(Fuzzed[] arguments, CallOutcome outcome) =>
        outcome.Error is System.Runtime.Serialization.SerializationException && arguments.Any(a => a.Kind == ArgumentKind.UndefinedEnum);

    /// <summary>Each channel of the login answers its cheap call as it should: a player's master channel refuses it, typed.</summary>
    private async Task<IEnumerable<string>> ProbeAsync(FuzzCaller caller)
    {
        var problems = new List<string>();
        foreach (var (contract, channel) in caller.Channels)
        {
            if (!Probes.TryGetValue(contract, out var probe))
                throw new InvalidOperationException($"the fuzz has no cheap call to check a {contract.Name} channel with: add one to {nameof(Probes)}");
            var method = contract.GetMethod(probe.Method)!;
            var operation = FuzzedOperation.All.Single(o => o.Contract == contract && o.Method == method);
            var outcome = await CallOutcome.OfCallAsync(channel, method, probe.Arguments, settings.CallTimeout);
            var denied = !caller.IsMaster && operation.MasterOnly;
            if (denied ? !outcome.IsDenied : !outcome.Accepted)
                problems.Add($"afterwards, {operation.Name} on the same channel got {outcome}");
        }
        return problems;
    }
}

/// <summary>
/// How much to fuzz: a fixed seed by default, so that CI is deterministic; IKOSA_FUZZ_SEED replays another, and
/// IKOSA_FUZZ_SWEEPS runs longer. The time budget ends a run early on a slow machine, after its first whole sweep (the report says how far it got).
/// </summary>
public sealed record FuzzSettings(int Seed, int Sweeps, TimeSpan Budget, TimeSpan CallTimeout)
{
    public const int DefaultSeed = 20_261_302;

    /// <summary>Generous: a call takes milliseconds; only a hang comes near this.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static FuzzSettings FromEnvironment(int sweeps, TimeSpan budget)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("IKOSA_FUZZ_SEED"), out var chosen) ? chosen : DefaultSeed;
        return int.TryParse(Environment.GetEnvironmentVariable("IKOSA_FUZZ_SWEEPS"), out var more)
            ? new FuzzSettings(seed, more, TimeSpan.FromHours(1), Patience)
            : new FuzzSettings(seed, sweeps, budget, Patience);
    }
}
