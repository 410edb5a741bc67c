using System.Runtime.Serialization;
using Ikosa.Contracts;

namespace Ikosa.Tests.Contracts;

public class ViewInfoWireTests
{
    [Fact]
    public void A_views_cells_travel_packed_and_come_back_whole()
    {
        var view = new ViewInfo
        {
            Width = 20,
            Height = 11,
            Visible = [new CellInfo { X = 1, Y = 2, Terrain = "floor" }, new CellInfo { X = 7, Y = 3, Terrain = "door-closed" }],
            Remembered = [new CellInfo { X = 0, Y = 0, Terrain = "wall" }],
            Creatures = [new TokenInfo { Name = "Tordek", X = 1, Y = 2 }],
        };

        var xml = Serialize(view);
        var back = Deserialize(xml);

        Assert.DoesNotContain("<CellInfo", xml);
        Assert.Contains(">" + Convert.ToBase64String(CellListCodec.Encode(view.Visible)) + "<", xml);
        Assert.Equal(view.Visible.Select(c => (c.X, c.Y, c.Terrain)), back.Visible.Select(c => (c.X, c.Y, c.Terrain)));
        Assert.Equal(view.Remembered.Select(c => (c.X, c.Y, c.Terrain)), back.Remembered.Select(c => (c.X, c.Y, c.Terrain)));
        Assert.Equal("Tordek", Assert.Single(back.Creatures).Name);
    }

    [Fact]
    public void Empty_lists_stay_empty()
    {
        var back = Deserialize(Serialize(new ViewInfo()));
        Assert.Empty(back.Visible);
        Assert.Empty(back.Remembered);
    }

    [Theory]
    [InlineData(new byte[] { 0 })] // no terrain in the table
    [InlineData(new byte[] { 1, 5, (byte)'f' })] // a name cut short
    [InlineData(new byte[] { 1, 1, (byte)'f', 2, 4 })] // a run cut short
    [InlineData(new byte[] { 1, 1, (byte)'f', 2, 4, 0 })] // a run of no cells
    [InlineData(new byte[] { 1, 1, (byte)'f', 2, 4, 1, 1 })] // terrain 1 of a table of 1
    [InlineData(new byte[] { 1, 1, (byte)'f', 2, 4, 2, 0 })] // a run of 2 with one cell
    [InlineData(new byte[] { 1, 1, (byte)'f', 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })] // a number of six bytes
    public void A_malformed_cell_list_is_refused(byte[] packed) =>
        Assert.Throws<SerializationException>(() => CellListCodec.Decode(packed));

    [Fact]
    public void A_field_of_view_costs_about_a_byte_a_cell()
    {
        var cells = Enumerable.Range(0, 40).SelectMany(y => Enumerable.Range(-20, 40).Select(x => new CellInfo { X = x, Y = y, Terrain = (x + y) % 7 == 0 ? "wall" : "floor" })).ToList();

        var packed = CellListCodec.Encode(cells);

        Assert.InRange(packed.Length, cells.Count, cells.Count + 40 * 4 + 16);
        Assert.Equal(cells.Select(c => (c.X, c.Y, c.Terrain)), CellListCodec.Decode(packed).Select(c => (c.X, c.Y, c.Terrain)));
    }

    [Fact]
    public void A_big_view_s_cells_come_back_whole_with_any_terrain_name()
    {
        var cells = Enumerable.Range(0, 3000).Select(i => new CellInfo { X = i % 256, Y = -i / 256, Terrain = i % 5 == 0 ? "lava, hot; deep" : "floor" })
            .Append(new CellInfo { X = int.MinValue, Y = int.MaxValue, Terrain = "door-open" }).Append(new CellInfo { X = 3, Y = 3, Terrain = "" }).ToList();

        var back = CellListCodec.Decode(CellListCodec.Encode(cells));

        Assert.Equal(cells.Select(c => (c.X, c.Y, c.Terrain)), back.Select(c => (c.X, c.Y, c.Terrain)));
    }

    private static string Serialize(ViewInfo view)
    {
        var output = new StringWriter();
        using (var writer = System.Xml.XmlWriter.Create(output))
            new DataContractSerializer(typeof(ViewInfo)).WriteObject(writer, view);
        return output.ToString();
    }

    private static ViewInfo Deserialize(string xml)
    {
        using var reader = System.Xml.XmlReader.Create(new StringReader(xml));
        return (ViewInfo)new DataContractSerializer(typeof(ViewInfo)).ReadObject(reader)!;
    }
}
