using System.Xml;

namespace Ikosa.ServiceModel.Channels;

/// <summary>
/// The content of <c>s:Body</c>. An outgoing body writes itself; a received body is read once, through
/// <see cref="GetReader"/>, positioned on its first element (or on the end of <c>s:Body</c> when empty).
/// </summary>
public abstract class MessageBody
{
    public static MessageBody Empty { get; } = new DelegateBody(static _ => { }, isFault: false);

    /// <summary>A body written by <paramref name="write"/> inside <c>s:Body</c>.</summary>
    public static MessageBody FromWriter(Action<XmlDictionaryWriter> write, bool isFault = false) => new DelegateBody(write, isFault);

    public abstract bool IsFault { get; }

    /// <summary>Writes the elements inside <c>s:Body</c>.</summary>
    public abstract void WriteTo(XmlDictionaryWriter writer);

    /// <summary>A reader positioned on the body's first element; for received bodies it may be taken once.</summary>
    public abstract XmlDictionaryReader GetReader();

    private sealed class DelegateBody(Action<XmlDictionaryWriter> write, bool isFault) : MessageBody
    {
        public override bool IsFault => isFault;

        public override void WriteTo(XmlDictionaryWriter writer) => write(writer);

        public override XmlDictionaryReader GetReader()
        {
            // An outgoing body read back (in-process tests, loopback): write it into a buffer and read that.
            var buffer = new MemoryStream();
            using (var writer = XmlDictionaryWriter.CreateBinaryWriter(buffer, dictionary: null, session: null, ownsStream: false))
            {
                writer.WriteStartElement("Body");
                WriteTo(writer);
                writer.WriteEndElement();
            }
            var reader = XmlDictionaryReader.CreateBinaryReader(buffer.ToArray(), XmlDictionaryReaderQuotas.Max);
            reader.ReadStartElement("Body");
            reader.MoveToContent();
            return reader;
        }
    }
}
