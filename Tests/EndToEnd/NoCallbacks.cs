using Ikosa.Contracts;

namespace Ikosa.Tests.EndToEnd;

/// <summary>Callbacks for a bare channel a test opens outside the client library: everything the host sends is ignored.</summary>
internal sealed class NoCallbacks : ILoginCallback, IGameCallback, IVisualizationCallback, IMasterCallback
{
    public Task OnBatchAsync(BatchInfo batch) => Task.CompletedTask;

    public Task OnSessionEndedAsync(string reason) => Task.CompletedTask;
}
