using System.Text;

namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>What a fuzz run did: calls per operation, by outcome and by argument kind, and every problem found.</summary>
public sealed class FuzzReport(string caller, int seed)
{
    private readonly SortedDictionary<string, OperationCounts> _operations = new(StringComparer.Ordinal);
    private readonly List<string> _problems = new();
    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);

    public int Calls { get; private set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>Rounds begun; fewer than asked when the time budget ran out.</summary>
    public int Rounds { get; set; }

    public IReadOnlyList<string> Problems => _problems;

    public void Count(FuzzedOperation operation, Fuzzed[] arguments, CallOutcome outcome)
    {
        Calls++;
        var counts = Operation(operation);
        counts.Calls++;
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
            if (_distinct.Add($"{operation.Name}: {problem}"))
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
        text.AppendLine($"as {caller}: {Calls} calls in {Rounds} rounds, {Elapsed.TotalSeconds:F1} s, seed {seed}");
        foreach (var (name, counts) in _operations)
        {
            text.Append($"  {name,-42} {counts.Calls,4} calls: ");
            text.Append(string.Join(", ", counts.Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
            text.AppendLine($"; {counts.Kinds.Count} argument kinds");
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
    }
}
