namespace Ikosa.Tests.ServiceModel.Fuzz;

/// <summary>
/// The fuzz run measures the whole process's managed memory, so it runs alone, after the tests that run in parallel.
/// </summary>
[CollectionDefinition(nameof(FuzzCollection), DisableParallelization = true)]
public sealed class FuzzCollection;
