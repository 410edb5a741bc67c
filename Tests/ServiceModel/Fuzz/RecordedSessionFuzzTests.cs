using System.Diagnostics;
using Ikosa.ServiceModel.Framing;
using Ikosa.Tests.ServiceModel.Runtime;
using Xunit.Abstractions;

namespace Ikosa.Tests.ServiceModel.Fuzz;

/// <summary>
/// Hostile clients made from the recorded stock WCF session, against a live host: every one ends in a fault or a
/// closed connection within a bounded time, the process's managed memory stays bounded across the run, and a
/// well-behaved session calling Echo alongside never fails.
/// </summary>
[Collection(nameof(FuzzCollection))]
public class RecordedSessionFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20_260_311;
    private const int CasesPerKind = 100;
    private const int Parallelism = 4;
    private const int CasesBetweenMemorySamples = 40;

    /// <summary>Generous: a case takes milliseconds; only a hang comes near this.</summary>
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Growth of the managed heap after a full collection, against the start of the run. A leak of a few KB per case
    /// (a session, its buffers, its dictionaries) over the run's cases would pass it; pools that fill up once do not.
    /// </summary>
    private const long MemoryGrowthBound = 16 * 1024 * 1024;

    [Fact]
    public async Task Mutated_recorded_sessions_end_in_a_fault_or_a_closed_connection_and_a_good_session_never_fails()
    {
        var clock = Stopwatch.StartNew();
        var sessions = RecordedClientSession.Load();
        var cases = new SessionMutator(Seed).Generate(sessions, CasesPerKind).ToList();
        await using var host = await LoopbackHost.StartAsync<FuzzEchoService, IEchoService>();

        foreach (var session in sessions)
        {
            var control = await FuzzCaseRunner.RunAsync(host.Port, FuzzCase.Unmutated(session), CaseTimeout);
            Assert.True(control is { ServerEnded: true, Closed: true, FramingFault: null, UnexpectedSoapFaults: 0, Problem: null },
                $"the unmutated {session.Name} session ends in order: {control}");
        }

        var good = await WellBehavedSession.StartAsync(host);
        var baseline = ManagedMemory();
        var peakGrowth = 0L;
        var outcomes = new FuzzOutcome[cases.Count];
        foreach (var batch in cases.Chunk(CasesBetweenMemorySamples))
        {
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (fuzzCase, _) =>
                outcomes[fuzzCase.Number] = await FuzzCaseRunner.RunAsync(host.Port, fuzzCase, CaseTimeout));
            peakGrowth = Math.Max(peakGrowth, ManagedMemory() - baseline);
        }
        var goodCalls = await good.StopAsync();
        var finalGrowth = ManagedMemory() - baseline;

        Report(cases, outcomes, goodCalls, baseline, peakGrowth, finalGrowth, clock.Elapsed);
        var wrong = cases.Zip(outcomes)
            .Select(pair => (Case: pair.First, Outcome: pair.Second, Why: Violation(pair.First, pair.Second)))
            .Where(x => x.Why is not null)
            .Select(x => $"{x.Case}: {x.Why}; got {x.Outcome}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {cases.Count} cases went wrong:\n" + string.Join("\n", wrong.Take(20)));
        Assert.True(peakGrowth < MemoryGrowthBound, $"managed memory grew by {peakGrowth:N0} bytes during the run (bound {MemoryGrowthBound:N0})");
        Assert.True(finalGrowth < MemoryGrowthBound, $"managed memory grew by {finalGrowth:N0} bytes over the run (bound {MemoryGrowthBound:N0})");

        // The host still serves the recorded session as it did before the run.
        var after = await FuzzCaseRunner.RunAsync(host.Port, FuzzCase.Unmutated(sessions[0]), CaseTimeout);
        Assert.True(after is { ServerEnded: true, FramingFault: null, UnexpectedSoapFaults: 0, Problem: null }, $"after the run: {after}");
    }

    private static string? Violation(FuzzCase fuzzCase, FuzzOutcome outcome)
    {
        if (!outcome.Closed)
            return "the host did not close the connection";
        if (outcome.Problem is not null)
            return outcome.Problem;
        if (fuzzCase.MustFail && !outcome.Failed)
            return "the broken session ended as if nothing were wrong";
        if (fuzzCase.ExpectedFault is { } expected && outcome.FramingFault != FramingFaults.ToUri(expected))
            return $"expected the {expected} framing fault";
        return null;
    }

    private static long ManagedMemory() => GC.GetTotalMemory(forceFullCollection: true);

    private void Report(List<FuzzCase> cases, FuzzOutcome[] outcomes, int goodCalls, long baseline, long peakGrowth, long finalGrowth, TimeSpan elapsed)
    {
        output.WriteLine($"{cases.Count} cases (seed {Seed}) in {elapsed.TotalSeconds:F1} s; the good session made {goodCalls:N0} Echo calls alongside");
        output.WriteLine($"managed memory: {baseline:N0} bytes at the start, peak growth {peakGrowth:N0}, final growth {finalGrowth:N0} (bound {MemoryGrowthBound:N0})");
        foreach (var kind in cases.Zip(outcomes).GroupBy(pair => pair.First.Kind))
            output.WriteLine($"  {kind.Key,-24} " + string.Join(", ", kind.GroupBy(pair => pair.Second?.Summary ?? "not run").Select(g => $"{g.Key} {g.Count()}")));
    }
}
