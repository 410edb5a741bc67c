using Ikosa.Contracts;

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
        return UserText.FirstUnsafe(text) < 0
            ? text
            : string.Create(text.Length, text, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                    span[i] = UserText.IsUnsafe(source[i]) ? Replacement : source[i];
            });
    }

    /// <summary><see cref="Clean"/>, then escaped for Spectre.Console markup.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Clean(text));

}
