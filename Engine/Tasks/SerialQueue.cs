namespace Ikosa.Engine.Tasks;

/// <summary>
/// Runs its items one at a time in arrival order on the thread pool; different queues run in parallel.
/// An item that asks to be re-queued stays at the head (so the queue's order holds) while the queue
/// goes to the back of the pool, letting every other queue take a turn first. Waiting for a group
/// commit holds no thread.
/// </summary>
internal sealed class SerialQueue
{
    private const int ItemsPerTurn = 16;
    private readonly Queue<IWorkItem> _items = new();
    private bool _running;

    public int Count
    {
        get
        {
            lock (_items) return _items.Count;
        }
    }

    public void Enqueue(IWorkItem item)
    {
        lock (_items)
        {
            _items.Enqueue(item);
            if (_running) return;
            _running = true;
        }
        Post();
    }

    private void Post() => ThreadPool.UnsafeQueueUserWorkItem(static q => _ = q.DrainAsync(), this, preferLocal: false);

    private async Task DrainAsync()
    {
        for (var done = 0; done < ItemsPerTurn; done++)
        {
            IWorkItem next;
            lock (_items)
            {
                if (!_items.TryPeek(out next!))
                {
                    _running = false;
                    return;
                }
            }
            if (!await next.RunRoundAsync().ConfigureAwait(false)) break;
            lock (_items) _items.Dequeue();
        }
        Post();
    }
}
