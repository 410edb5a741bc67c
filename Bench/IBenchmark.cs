namespace Ikosa.Bench;

/// <summary>A benchmark prints its figures and the baseline it is compared with, measured in the same run.</summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line, e.g. <c>wire-rr</c>.</summary>
    string Name { get; }

    string Description { get; }

    Task RunAsync(IReadOnlyList<string> args);
}
