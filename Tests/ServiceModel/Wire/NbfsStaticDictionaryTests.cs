using Ikosa.ServiceModel.Encoding;

namespace Ikosa.Tests.ServiceModel.Wire;

public class NbfsStaticDictionaryTests
{
    [Fact]
    public void Has_the_487_strings_of_the_spec_table()
    {
        Assert.Equal(487, NbfsStaticDictionary.Count);
        Assert.Equal("detail", NbfsStaticDictionary.Get(0x3CC).Value);
    }

    [Theory]
    [InlineData(0x00, "mustUnderstand")]
    [InlineData(0x02, "Envelope")]
    [InlineData(0x04, "http://www.w3.org/2003/05/soap-envelope")]
    [InlineData(0x06, "http://www.w3.org/2005/08/addressing")]
    [InlineData(0x14, "http://www.w3.org/2005/08/addressing/anonymous")]
    [InlineData(0x1A, "MessageID")]
    [InlineData(0x2C, "ReplyTo")]
    [InlineData(0x86, "Fault")]
    [InlineData(0x372, "http://www.w3.org/2001/XMLSchema-instance")]
    [InlineData(0x3CC, "detail")]
    [InlineData(0x1A8, " http://schemas.xmlsoap.org/ws/2005/02/trust/tlsnego")] // the spec's leading space is kept
    public void Spot_checks(int id, string expected)
    {
        var entry = NbfsStaticDictionary.Get(id);
        Assert.Equal(expected, entry.Value);
        Assert.Equal(id / 2, entry.Key);
        Assert.Same(NbfsStaticDictionary.Dictionary, entry.Dictionary);
        Assert.True(NbfsStaticDictionary.Dictionary.TryLookup(expected, out var looked));
        Assert.Same(entry, looked);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-2)]
    [InlineData(0x3CE)]
    public void Ids_outside_the_table_are_refused(int id)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NbfsStaticDictionary.Get(id));
    }

    [Fact]
    public void The_well_known_strings_come_from_the_static_dictionary()
    {
        Assert.Same(NbfsStaticDictionary.Get(0x0A), NbfsStrings.Action);
        Assert.Same(NbfsStaticDictionary.Get(0x98), NbfsStrings.Detail);
        Assert.Equal("Subcode", NbfsStrings.Subcode.Value);
    }
}
