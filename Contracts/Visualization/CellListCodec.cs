using System.Runtime.Serialization;
using System.Text;

namespace Ikosa.Contracts;

/// <summary>
/// The packed wire form of a view's cell lists: a table of the terrain names used, then the cells as runs along a row
/// (y, first x, length, then each cell's terrain as an index into the table), numbers as variable-length integers. A field of
/// view is mostly long runs of a few terrains, so a cell costs about one byte, against a dozen as "x,y,terrain" text, and
/// reading it parses no text. The cells come back in the order they were given.
/// </summary>
public static class CellListCodec
{
    private const int MaxTerrains = 1024;
    private static readonly string[] KnownTerrains = ["floor", "wall", "door-closed", "door-open", "difficult"];

    public static byte[] Encode(IReadOnlyList<CellInfo>? cells)
    {
        if (cells is null || cells.Count == 0)
            return [];
        var terrains = new List<string>();
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in cells)
            if (!indexes.ContainsKey(cell.Terrain))
            {
                indexes.Add(cell.Terrain, terrains.Count);
                terrains.Add(cell.Terrain);
            }
        var output = new Output(cells.Count + 16 * terrains.Count + 16);
        output.Unsigned(terrains.Count);
        foreach (var terrain in terrains)
        {
            var bytes = Encoding.UTF8.GetBytes(terrain);
            output.Unsigned(bytes.Length);
            output.Bytes(bytes);
        }
        var (last, lastIndex) = (terrains[0], 0);
        for (var start = 0; start < cells.Count;)
        {
            var end = start + 1;
            while (end < cells.Count && cells[end].Y == cells[start].Y && cells[end].X == cells[end - 1].X + 1)
                end++;
            output.Signed(cells[start].Y);
            output.Signed(cells[start].X);
            output.Unsigned(end - start);
            for (var i = start; i < end; i++)
            {
                // Neighbours mostly share their terrain, and a host's lists share its strings: most cells need no lookup.
                var terrain = cells[i].Terrain;
                if (!ReferenceEquals(terrain, last))
                    (last, lastIndex) = (terrain, indexes[terrain]);
                output.Unsigned(lastIndex);
            }
            start = end;
        }
        return output.ToArray();
    }

    public static List<CellInfo> Decode(byte[]? packed)
    {
        var cells = new List<CellInfo>();
        if (packed is null || packed.Length == 0)
            return cells;
        var input = new Input(packed);
        var count = input.Unsigned();
        if (count is 0 or > MaxTerrains)
            throw new SerializationException($"A packed cell list names {count} terrains; it must name 1 to {MaxTerrains}.");
        var terrains = new string[count];
        for (var i = 0; i < count; i++)
            terrains[i] = TerrainName(input.Text(input.Unsigned()));
        while (!input.AtEnd)
        {
            var y = input.Signed();
            var x = input.Signed();
            var length = input.Unsigned();
            if (length == 0 || length > packed.Length)
                throw new SerializationException($"A packed cell list holds a run of {length} cells; a run holds 1 cell or more, one byte each at least.");
            for (var i = 0; i < length; i++)
            {
                var terrain = input.Unsigned();
                if (terrain >= terrains.Length)
                    throw new SerializationException($"A packed cell names terrain {terrain}; its table has {terrains.Length}.");
                cells.Add(new CellInfo { X = checked(x + i), Y = y, Terrain = terrains[terrain] });
            }
        }
        return cells;
    }

    /// <summary>The terrain's name, the same string for every cell of a known terrain.</summary>
    private static string TerrainName(string name)
    {
        foreach (var known in KnownTerrains)
            if (name == known)
                return known;
        return name;
    }

    private sealed class Output(int capacity)
    {
        private byte[] _bytes = new byte[capacity];
        private int _length;

        public void Signed(int value) => Raw(((uint)value << 1) ^ (uint)(value >> 31));

        public void Unsigned(int value) => Raw((uint)value);

        private void Raw(uint rest)
        {
            while (rest >= 0x80)
            {
                Byte((byte)(rest | 0x80));
                rest >>= 7;
            }
            Byte((byte)rest);
        }

        public void Bytes(byte[] bytes)
        {
            foreach (var b in bytes)
                Byte(b);
        }

        public byte[] ToArray() => _bytes.AsSpan(0, _length).ToArray();

        private void Byte(byte value)
        {
            if (_length == _bytes.Length)
                Array.Resize(ref _bytes, _bytes.Length * 2);
            _bytes[_length++] = value;
        }
    }

    private sealed class Input(byte[] bytes)
    {
        private int _at;

        public bool AtEnd => _at == bytes.Length;

        public int Signed()
        {
            var zigzag = Raw();
            return (int)(zigzag >> 1) ^ -(int)(zigzag & 1);
        }

        public int Unsigned()
        {
            var value = Raw();
            return value > int.MaxValue ? throw new SerializationException("A packed cell list holds a number out of range.") : (int)value;
        }

        private uint Raw()
        {
            uint value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                if (_at == bytes.Length)
                    throw new SerializationException("A packed cell list ends in the middle of a number.");
                var b = bytes[_at++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                    return value;
            }
            throw new SerializationException("A packed cell list holds a number longer than five bytes.");
        }

        public string Text(int length)
        {
            if (length > bytes.Length - _at)
                throw new SerializationException("A packed cell list ends in the middle of a terrain name.");
            var text = Encoding.UTF8.GetString(bytes, _at, length);
            _at += length;
            return text;
        }
    }
}
