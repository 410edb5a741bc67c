using System.Collections.Concurrent;

namespace Ikosa.Engine.Notifications;

/// <summary>
/// Feeds every recipient queue that has something to send from one pool work item at a time, rather
/// than one work item per recipient: a commit to a thousand recipients is one pass over a thousand
/// ready queues, which keeps fan-out latency low on a small machine. Each queue hands over one batch
/// per turn and goes to the back, so one recipient cannot hold up the others.
/// </summary>
internal sealed class DeliveryScheduler
{
    private readonly ConcurrentQueue<RecipientQueue> _ready = new();
    private int _draining;

    public void Schedule(RecipientQueue queue)
    {
        _ready.Enqueue(queue);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Drain(), this, preferLocal: false);
    }

    private void Drain()
    {
        while (true)
        {
            while (_ready.TryDequeue(out var queue)) queue.DeliverNext();
            Volatile.Write(ref _draining, 0);
            // A queue scheduled after the last dequeue but before the flag was cleared is picked up here.
            if (_ready.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0) return;
        }
    }
}
