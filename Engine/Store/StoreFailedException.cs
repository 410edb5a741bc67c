namespace Ikosa.Engine.Store;

/// <summary>
/// The store could not make a commit durable; the commit was rolled back. <see cref="Problem"/> says why when the
/// store itself cannot save (a full disk, a read-only file...); it is null when only this commit was at fault.
/// </summary>
public sealed class StoreFailedException(string message, StoreProblem? problem = null, Exception? inner = null) : Exception(message, inner)
{
    public StoreFailedException(StoreProblem problem, Exception? inner = null)
        : this($"the game cannot be saved: {problem.Explain()}", problem, inner)
    {
    }

    public StoreProblem? Problem { get; } = problem;
}
