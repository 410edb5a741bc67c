using System.Text;
using Spectre.Console;

namespace Ikosa.Client.App.Rendering;

/// <summary>
/// Plain text folded to a width in terminal cells, at spaces where it can be and inside a word where it must, so a
/// panel knows how many lines a text takes before drawing it. Widths are Spectre.Console's, so wide characters count twice.
/// </summary>
public static class TextFold
{
    /// <param name="indent">Spaces before every line after the first, so a folded entry reads as one.</param>
    public static IReadOnlyList<string> Fold(string text, int width, int indent = 0)
    {
        width = Math.Max(1, width);
        indent = Math.Clamp(indent, 0, width / 2);
        var lines = new List<string>();
        var line = new StringBuilder();
        var lineWidth = 0;
        void Break()
        {
            lines.Add(line.ToString().TrimEnd());
            line.Clear().Append(' ', indent);
            lineWidth = indent;
        }
        foreach (var word in Words(text))
        {
            var wordWidth = word.GetCellWidth();
            var isSpace = word == " ";
            if (isSpace && lineWidth == indent && lines.Count > 0)
                continue; // no space at the start of a folded line
            if (lineWidth + wordWidth > width && lineWidth > indent && !isSpace)
                Break();
            foreach (var rune in word.EnumerateRunes())
            {
                var runeWidth = rune.ToString().GetCellWidth();
                if (lineWidth + runeWidth > width && lineWidth > indent)
                {
                    if (isSpace)
                        break;
                    Break();
                }
                line.Append(rune.ToString());
                lineWidth += runeWidth;
            }
        }
        if (lines.Count == 0 || lineWidth > indent)
            lines.Add(line.ToString().TrimEnd());
        return lines;
    }

    /// <summary>Words and the single spaces between them (runs of whitespace, tabs and newlines count as one space).</summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                if (word.Length > 0)
                    yield return word.ToString();
                word.Clear();
                yield return " ";
            }
            else
            {
                word.Append(ch);
            }
        }
        if (word.Length > 0)
            yield return word.ToString();
    }
}
