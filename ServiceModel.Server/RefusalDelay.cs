namespace Ikosa.ServiceModel.Server;

/// <summary>
/// Holds a connection refused for its address's share a moment before the refusal goes out, so that a peer
/// reconnecting in a loop makes one attempt per socket per delay instead of thousands a second (each costing both
/// ends a TCP handshake and the host a connection). It costs a held socket and no thread; at most
/// <paramref name="maxHeld"/> are held at once, and beyond that a refusal goes out at once.
/// </summary>
internal sealed class RefusalDelay(TimeSpan delay, int maxHeld)
{
    private int _held;

    public int Held => Volatile.Read(ref _held);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
            return;
        if (Interlocked.Increment(ref _held) > maxHeld)
        {
            Interlocked.Decrement(ref _held);
            return;
        }
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }
}
