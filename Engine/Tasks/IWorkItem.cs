namespace Ikosa.Engine.Tasks;

/// <summary>One task waiting in a <see cref="SerialQueue"/>.</summary>
internal interface IWorkItem
{
    /// <summary>Runs one round of tries; false means "re-queue me": give others a turn, then call again.</summary>
    ValueTask<bool> RunRoundAsync();

    /// <summary>
    /// Runs the task at once on the calling thread if it can finish without waiting (a read finding the gate free); true
    /// when it is done, false when it must be queued (nothing of it took effect).
    /// </summary>
    bool TryRunNow() => false;
}
