using System.Runtime.Serialization;
using System.Xml;
using FsCheck;
using FsCheck.Fluent;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Tests.ServiceModel.Fuzz;

/// <summary>
/// The formatter writes and reads strings, ints, longs and bools itself rather than through the DataContractSerializer.
/// For random values, its bytes must be exactly the serializer's (so stock WCF peers see no difference) and each
/// side must read what the other wrote.
/// </summary>
public class OperationPartPropertyTests
{
    private const string Namespace = "urn:parts";

    [Fact]
    public void Strings_are_written_and_read_as_the_DataContractSerializer_does() =>
        Check.QuickThrowOnFailure(Prop.ForAll(ArbMap.Default.ArbFor<string>(), value => RoundTrips(value)));

    [Fact]
    public void Ints_are_written_and_read_as_the_DataContractSerializer_does() =>
        Check.QuickThrowOnFailure(Prop.ForAll(ArbMap.Default.ArbFor<int>(), value => RoundTrips(value)));

    [Fact]
    public void Longs_are_written_and_read_as_the_DataContractSerializer_does() =>
        Check.QuickThrowOnFailure(Prop.ForAll(ArbMap.Default.ArbFor<long>(), value => RoundTrips(value)));

    [Fact]
    public void Bools_are_written_and_read_as_the_DataContractSerializer_does() =>
        Check.QuickThrowOnFailure(Prop.ForAll(ArbMap.Default.ArbFor<bool>(), value => RoundTrips(value)));

    [Theory]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    [InlineData(0)]
    [InlineData(127)]
    [InlineData(-129)]
    [InlineData(32_768)]
    public void Int_edges_are_written_as_the_DataContractSerializer_does(int value) => Assert.True(RoundTrips(value));

    [Theory]
    [InlineData("")]
    [InlineData(" padded ")]
    [InlineData("<&>\"'")]
    [InlineData("\u00e9\u4e2d\U0001F600")]
    public void String_edges_are_written_as_the_DataContractSerializer_does(string value) => Assert.True(RoundTrips(value));

    [Fact]
    public void Strings_with_surrogates_are_left_to_the_trial_write()
    {
        var part = Part<string>();
        Assert.False(part.CannotFailToWrite("broken \uD800 surrogate"));
        Assert.False(part.CannotFailToWrite("a pair \U0001F600"));
        Assert.True(part.CannotFailToWrite("plain text"));
        Assert.True(part.CannotFailToWrite(null));
    }

    /// <summary>Our bytes equal the serializer's; each reads the other's bytes back to the value. Null strings are the serializer's own case.</summary>
    private static bool RoundTrips<T>(T value)
    {
        if (value is null || (value is string text && text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')))
            return true;
        var part = Part<T>();
        var serializer = new DataContractSerializer(typeof(T), "v", Namespace);
        var ours = Write(writer => part.Write(writer, value));
        var theirs = Write(writer => serializer.WriteObject(writer, value));
        return ours.AsSpan().SequenceEqual(theirs)
            && Equals(Read(theirs, part.Read), value)
            && Equals(Read(ours, reader => serializer.ReadObject(reader, verifyObjectName: false)), value);
    }

    private static OperationPart Part<T>() => new(new XmlDictionary(), "v", new XmlDictionary().Add(Namespace), typeof(T), 0, () => new DataContractSerializerSettings());

    /// <summary>The part inside a wrapper that declares the namespace, as in a request body.</summary>
    private static byte[] Write(Action<XmlDictionaryWriter> writePart)
    {
        var buffer = new MemoryStream();
        using (var writer = XmlDictionaryWriter.CreateBinaryWriter(buffer, dictionary: null, session: null, ownsStream: false))
        {
            writer.WriteStartElement("", "Op", Namespace);
            writePart(writer);
            writer.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static object? Read(byte[] bytes, Func<XmlDictionaryReader, object?> readPart)
    {
        using var reader = XmlDictionaryReader.CreateBinaryReader(bytes, XmlDictionaryReaderQuotas.Max);
        reader.ReadStartElement("Op", Namespace);
        reader.MoveToContent();
        return readPart(reader);
    }
}
