using System.Globalization;
using System.Xml;

namespace Ikosa.ServiceModel.Encoding;

/// <summary>
/// The [MC-NBFS] static dictionary (487 strings, even IDs 0x00–0x3CC) that binary SOAP refers to by ID.
/// Loaded once from the embedded copy of the spec table; the k-th string has XmlDictionary key k and wire ID 2k.
/// </summary>
public static class NbfsStaticDictionary
{
    public const int ExpectedCount = 487;
    private const string ResourceName = "Ikosa.ServiceModel.nbfs-static-dictionary.tsv";

    private static readonly (XmlDictionary Dictionary, XmlDictionaryString[] Strings) Loaded = Load();
    private static readonly XmlDictionaryString[] Strings = Loaded.Strings;

    public static XmlDictionary Dictionary { get; } = Loaded.Dictionary;

    public static int Count => Strings.Length;

    /// <summary>The string with wire ID <paramref name="id"/> (even, 0x00–0x3CC).</summary>
    public static XmlDictionaryString Get(int id)
    {
        if (id < 0 || id % 2 != 0 || id / 2 >= Strings.Length)
            throw new ArgumentOutOfRangeException(nameof(id), id, $"static dictionary IDs are even, 0x00 to 0x{2 * (Strings.Length - 1):X}");
        return Strings[id / 2];
    }

    private static (XmlDictionary, XmlDictionaryString[]) Load()
    {
        using var stream = typeof(NbfsStaticDictionary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var text = new StreamReader(stream, System.Text.Encoding.UTF8);

        var dictionary = new XmlDictionary(ExpectedCount);
        var strings = new List<XmlDictionaryString>(ExpectedCount);
        while (text.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            // Split at the first tab only: one string (0x1A8) starts with a space, which must be kept.
            var tab = line.IndexOf('\t');
            if (tab < 3 || !line.StartsWith("0x", StringComparison.Ordinal)
                || !int.TryParse(line.AsSpan(2, tab - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var id)
                || id != 2 * strings.Count)
                throw new InvalidOperationException($"The static dictionary resource is corrupt at '{line}'.");
            strings.Add(dictionary.Add(line[(tab + 1)..]));
        }
        if (strings.Count != ExpectedCount)
            throw new InvalidOperationException($"The static dictionary resource has {strings.Count} entries, not {ExpectedCount}.");
        return (dictionary, strings.ToArray());
    }
}
