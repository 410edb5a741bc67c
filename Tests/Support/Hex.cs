namespace Ikosa.Tests.Support;

/// <summary>Hex test vectors written with spaces, as the protocol notes print them.</summary>
public static class Hex
{
    public static byte[] Bytes(string spaced) => Convert.FromHexString(string.Concat(spaced.Where(c => !char.IsWhiteSpace(c))));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    /// <summary>The hex of a length-prefixed UTF-8 string as net.tcp writes it (one-byte length).</summary>
    public static string Text(string value)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(value);
        if (bytes.Length > 0x7F)
            throw new ArgumentException("use a two-byte length for strings over 127 bytes", nameof(value));
        return $"{bytes.Length:X2}{Convert.ToHexString(bytes)}";
    }
}
