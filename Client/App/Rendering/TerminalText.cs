namespace Ikosa.Client.App.Rendering;

/// <summary>
/// Text from the host (chat, names, prompts) made safe to print: a terminal obeys control characters instead of
/// showing them (ESC starts colour and cursor sequences) and bidi overrides reorder what follows, so other users'
/// text could repaint or garble the screen. They are shown as U+FFFD instead.
/// </summary>
public static class TerminalText
{
    public const char Replacement = '\uFFFD';

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        return text.AsSpan().IndexOfAny(Unsafe) < 0 && !text.Any(char.IsControl)
            ? text
            : string.Create(text.Length, text, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                    span[i] = IsUnsafe(source[i]) ? Replacement : source[i];
            });
    }

    /// <summary><see cref="Clean"/>, then escaped for Spectre.Console markup.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Clean(text));

    public static bool IsUnsafe(char c) => char.IsControl(c) || Unsafe.Contains(c);

    // Bidi embeddings, overrides and isolates, and the directional marks.
    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");
}
