using System.Buffers;

namespace Ikosa.Contracts;

/// <summary>
/// What text users send each other may hold: no control characters (a terminal obeys ESC sequences instead of showing
/// them) and no bidi overrides (they reorder what follows). The host refuses such text; clients never print it raw.
/// </summary>
public static class UserText
{
    // Bidi embeddings, overrides and isolates, and the directional marks.
    private static readonly SearchValues<char> BidiControls = SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");

    public static bool IsUnsafe(char c) => char.IsControl(c) || BidiControls.Contains(c);

    /// <summary>The index of the first character <see cref="IsUnsafe"/>, or -1.</summary>
    public static int FirstUnsafe(string text)
    {
        var bidi = text.AsSpan().IndexOfAny(BidiControls);
        for (var i = 0; i < text.Length && (bidi < 0 || i < bidi); i++)
        {
            if (char.IsControl(text[i]))
                return i;
        }
        return bidi;
    }
}
