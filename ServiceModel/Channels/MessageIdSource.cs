using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Xml;

namespace Ikosa.ServiceModel.Channels;

/// <summary>
/// MessageIDs for one session's requests: a random 8-byte prefix per session and a counter, as GUID-form UniqueIds.
/// Unique like Guid.NewGuid() where it matters (within the session's correlation table), at a fraction of its cost.
/// </summary>
internal sealed class MessageIdSource
{
    private readonly ulong _prefix = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
    private long _counter;

    public UniqueId Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, _prefix);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], Interlocked.Increment(ref _counter));
        return new UniqueId(new Guid(bytes));
    }
}
