using System.Text;

namespace Ikosa.Client.App.Commands;

/// <summary>Splits a typed line into a command word and arguments; double quotes keep spaces inside one argument.</summary>
public static class CommandParser
{
    /// <summary>Null for an empty line or a comment (starting with '#').</summary>
    public static ParsedCommand? Parse(string? line)
    {
        var text = (line ?? "").Trim();
        if (text.Length == 0 || text.StartsWith('#'))
            return null;
        var words = Split(text);
        var name = words[0].ToLowerInvariant();
        var space = text.IndexOfAny([' ', '\t']);
        var rest = space < 0 ? "" : text[space..].Trim();
        return new ParsedCommand(name, words.Skip(1).ToList(), rest);
    }

    private static List<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var started = false;
        foreach (var ch in text)
        {
            if (ch == '"')
            {
                quoted = !quoted;
                started = true;
            }
            else if (char.IsWhiteSpace(ch) && !quoted)
            {
                if (started)
                    words.Add(word.ToString());
                word.Clear();
                started = false;
            }
            else
            {
                word.Append(ch);
                started = true;
            }
        }
        if (started)
            words.Add(word.ToString());
        return words;
    }
}
