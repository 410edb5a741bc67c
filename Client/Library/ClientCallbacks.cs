using Ikosa.Contracts;

namespace Ikosa.Client.Library;

/// <summary>Receives the host's callbacks on every channel and hands them to the client, one at a time, in order.</summary>
internal sealed class ClientCallbacks(IkosaClient client) : ILoginCallback, IGameCallback, IVisualizationCallback, IMasterCallback
{
    public Task OnBatchAsync(BatchInfo batch)
    {
        client.Deliver(batch);
        return Task.CompletedTask;
    }

    public Task OnSessionEndedAsync(string reason)
    {
        client.OnSessionEnded(reason);
        return Task.CompletedTask;
    }
}
