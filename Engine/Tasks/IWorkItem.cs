namespace Ikosa.Engine.Tasks;

/// <summary>One task waiting in a <see cref="SerialQueue"/>.</summary>
internal interface IWorkItem
{
    /// <summary>Runs one round of tries; false means "re-queue me": give others a turn, then call again.</summary>
    ValueTask<bool> RunRoundAsync();
}
