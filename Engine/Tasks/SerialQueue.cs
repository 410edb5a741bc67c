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

    /// <summary>
    /// Runs <paramref name="item"/> at once on the calling thread when the queue is idle and the item can finish without
    /// waiting (<see cref="IWorkItem.TryRunNow"/>); otherwise queues it. A read served so skips the two trips through the
    /// thread pool that a queued one makes, which on a busy host are most of its time.
    /// </summary>
    public void RunNowOrEnqueue(IWorkItem item)
    {
        lock (_items)
        {
            if (_running)
            {
                _items.Enqueue(item);
                return;
            }
            _running = true;
        }
        var done = item.TryRunNow();
        lock (_items)
        {
            if (done && _items.Count == 0)
            {
                _running = false;
                return;
            }
            if (!done)
            {
                // Whatever was queued meanwhile came after it.
                var later = _items.ToArray();
                _items.Clear();
                _items.Enqueue(item);
                foreach (var next in later)
                    _items.Enqueue(next);
            }
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
