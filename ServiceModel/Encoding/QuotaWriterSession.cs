using System.Xml;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>
/// The writer's half of an [MC-NBFSE] dictionary session. A string is added once, by its text, while it fits
/// MaxSessionSize; a string that does not fit is refused, so the binary writer writes it inline. Strings added
/// while a message is written stay pending until <see cref="Commit"/> (the message was sent) or are forgotten by
/// <see cref="Rollback"/> (it was not), so the session always matches what the peer has received.
/// </summary>
internal sealed class QuotaWriterSession(int maxSessionSize) : XmlBinaryWriterSession
{
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly List<string> _pending = new();
    private int _committedBytes;
    private int _pendingBytes;

    /// <summary>Strings new in the message being written, in the order of their session keys.</summary>
    public IReadOnlyList<string> Pending => _pending;

    // Keyed by text rather than by XmlDictionaryString identity (the base class's way), so the same text
    // from two dictionaries is still sent only once. The base class never sees an entry, so the binary
    // writer asks here every time.
    public override bool TryAdd(XmlDictionaryString value, out int key)
    {
        if (_keys.TryGetValue(value.Value, out key))
            return true;
        var charge = SessionStringTable.GetCharge(value.Value);
        if (_committedBytes + _pendingBytes + charge > maxSessionSize)
        {
            key = -1;
            return false;
        }
        key = _keys.Count;
        _keys.Add(value.Value, key);
        _pending.Add(value.Value);
        _pendingBytes += charge;
        return true;
    }

    public void Commit()
    {
        _committedBytes += _pendingBytes;
        _pendingBytes = 0;
        _pending.Clear();
    }

    public void Rollback()
    {
        foreach (var value in _pending)
            _keys.Remove(value);
        _pendingBytes = 0;
        _pending.Clear();
    }
}
