using System.Text;
using System.Text.RegularExpressions;

namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>What a fuzz run did: calls per operation, by outcome and by argument kind, and every problem found.</summary>
public sealed class FuzzReport(string caller, int seed)
{
    private readonly SortedDictionary<string, OperationCounts> _operations = new(StringComparer.Ordinal);
    private readonly List<string> _problems = new();
    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);

    public int Calls { get; private set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>Sweeps begun; fewer than asked when the time budget ran out.</summary>
    public int Sweeps { get; set; }

    public IReadOnlyList<string> Problems => _problems;

    public void Count(FuzzedOperation operation, string? spoiled, Fuzzed[] arguments, CallOutcome outcome)
    {
        Calls++;
        var counts = Operation(operation);
        counts.Calls++;
        if (spoiled is not null)
            counts.Cases.Add(spoiled);
        var summary = outcome.RefusedByRules ? "refused by the rules" : outcome.Summary;
        counts.Outcomes[summary] = counts.Outcomes.GetValueOrDefault(summary) + 1;
        foreach (var argument in arguments)
            counts.Kinds.Add(argument.Kind);
    }

    /// <summary>Records a problem; the same problem of the same operation is listed once (with the first call that showed it).</summary>
    public void Fail(FuzzedOperation operation, Fuzzed[] arguments, CallOutcome outcome, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            // The same problem with other numbers in it (serials, counts) is the same problem.
            if (_distinct.Add($"{operation.Name}: {Regex.Replace(problem, "[0-9]+", "#")}"))
                _problems.Add($"call {Calls}: {operation.Show(arguments)}\n    got {outcome}\n    problem: {problem}");
        }
    }

    /// <summary>Every operation is listed, also one never called (when the time budget ran out first).</summary>
    public void Expect(IEnumerable<FuzzedOperation> operations)
    {
        foreach (var operation in operations)
            Operation(operation);
    }

    public IEnumerable<string> NeverCalled => _operations.Where(o => o.Value.Calls == 0).Select(o => o.Key);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"as {caller}: {Calls} calls in {Sweeps} sweeps, {Elapsed.TotalSeconds:F1} s, seed {seed}; " +
            $"{_operations.Values.Sum(c => c.Cases.Count)} ways to spoil an argument, over {_operations.Count} operations");
        foreach (var (name, counts) in _operations)
        {
            text.Append($"  {name,-38} {counts.Calls,4} calls, {counts.Cases.Count,3} cases: ");
            text.AppendLine(string.Join(", ", counts.Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
        }
        var kinds = _operations.Values.SelectMany(c => c.Kinds).Distinct().Order().ToList();
        text.AppendLine($"  argument kinds sent: {string.Join(", ", kinds)}");
        text.AppendLine($"  problems: {_problems.Count}");
        return text.ToString();
    }

    private OperationCounts Operation(FuzzedOperation operation)
    {
        if (!_operations.TryGetValue(operation.Name, out var counts))
            _operations[operation.Name] = counts = new OperationCounts();
        return counts;
    }

    private sealed class OperationCounts
    {
        public int Calls { get; set; }

        public SortedDictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);

        public HashSet<ArgumentKind> Kinds { get; } = new();

        /// <summary>The ways to spoil an argument that were tried ("chat.Text: Empty").</summary>
        public HashSet<string> Cases { get; } = new(StringComparer.Ordinal);
    }
}
