using System.Globalization;
using System.Runtime.Serialization;
using System.Text;

namespace Ikosa.Contracts;

/// <summary>Cells as "x,y,terrain;x,y,terrain": the compact wire form of a view's cell lists.</summary>
public static class CellListCodec
{
    public static string Encode(IReadOnlyList<CellInfo>? cells)
    {
        if (cells is null || cells.Count == 0)
            return "";
        var text = new StringBuilder(cells.Count * 12);
        foreach (var cell in cells)
        {
            if (cell.Terrain.Contains(',') || cell.Terrain.Contains(';'))
                throw new SerializationException($"A terrain name may not contain ',' or ';': '{cell.Terrain}'.");
            if (text.Length > 0)
                text.Append(';');
            text.Append(cell.X).Append(',').Append(cell.Y).Append(',').Append(cell.Terrain);
        }
        return text.ToString();
    }

    public static List<CellInfo> Decode(string? text)
    {
        var cells = new List<CellInfo>();
        if (string.IsNullOrEmpty(text))
            return cells;
        foreach (var item in text.Split(';'))
        {
            var parts = item.Split(',');
            if (parts.Length != 3
                || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var x)
                || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y))
                throw new SerializationException($"'{item}' is not a cell (x,y,terrain).");
            cells.Add(new CellInfo { X = x, Y = y, Terrain = parts[2] });
        }
        return cells;
    }
}
