using System.Runtime.Serialization;
using Ikosa.Contracts;

namespace Ikosa.Tests.Contracts;

public class ViewInfoWireTests
{
    [Fact]
    public void A_views_cells_travel_as_compact_strings_and_come_back_whole()
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

        Assert.Contains(">1,2,floor;7,3,door-closed<", xml);
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
    [InlineData("1,2")]
    [InlineData("x,2,floor")]
    [InlineData("1,2,floor;;")]
    [InlineData("1,2,floor,wall")]
    [InlineData("1,,floor")]
    public void A_malformed_cell_list_is_refused(string text) =>
        Assert.Throws<SerializationException>(() => CellListCodec.Decode(text));

    [Fact]
    public void A_big_view_s_cells_come_back_whole_with_any_terrain_name()
    {
        var cells = Enumerable.Range(0, 3000).Select(i => new CellInfo { X = i % 256, Y = -i / 256, Terrain = i % 5 == 0 ? "lava" : "floor" }).ToList();

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
