namespace Ikosa.Bench.Abuse;

/// <summary>What an attack's sockets met: connections made, sessions acknowledged, ServerTooBusy refusals, other closes.</summary>
internal sealed class AttackCounters
{
    private long _connects, _acks, _tooBusy, _closed, _connectFailures, _replies;

    public long Connects => Interlocked.Read(ref _connects);

    public long Acks => Interlocked.Read(ref _acks);

    public long TooBusy => Interlocked.Read(ref _tooBusy);

    public long Closed => Interlocked.Read(ref _closed);

    public long ConnectFailures => Interlocked.Read(ref _connectFailures);

    public long Replies => Interlocked.Read(ref _replies);

    public void Connected() => Interlocked.Increment(ref _connects);

    public void Acknowledged() => Interlocked.Increment(ref _acks);

    public void Replied() => Interlocked.Increment(ref _replies);

    public void RefusedTooBusy() => Interlocked.Increment(ref _tooBusy);

    public void ClosedByHost() => Interlocked.Increment(ref _closed);

    public void ConnectFailed() => Interlocked.Increment(ref _connectFailures);

    /// <summary>Counts the server's first answer: an ack, ServerTooBusy, another fault (counted as closed), or a close.</summary>
    public void Answer((Ikosa.ServiceModel.Framing.FramingRecordType Type, string? Text)? record)
    {
        if (record is null)
            ClosedByHost();
        else if (record.Value.Type == Ikosa.ServiceModel.Framing.FramingRecordType.PreambleAck)
            Acknowledged();
        else if (record.Value.Text?.EndsWith("ServerTooBusy", StringComparison.Ordinal) == true)
            RefusedTooBusy();
        else
            ClosedByHost();
    }

    public override string ToString() =>
        $"{Connects:N0} connects, {Acks:N0} sessions acknowledged, {Replies:N0} replies, {TooBusy:N0} ServerTooBusy, {Closed:N0} closed by the host, {ConnectFailures:N0} connects failed";
}
