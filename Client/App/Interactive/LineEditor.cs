using System.Text;

namespace Ikosa.Client.App.Interactive;

/// <summary>The command line being typed, key by key: editing, Enter to submit, Escape to clear, Up/Down for history.</summary>
public sealed class LineEditor
{
    private const int MaxLength = 2000;
    private const int MaxHistory = 100;
    private readonly StringBuilder _text = new();
    private readonly List<string> _history = new();
    private int _historyIndex;

    public string Text => _text.ToString();

    /// <summary>Applies one key; returns the submitted line when the key was Enter, else null.</summary>
    public string? Handle(ConsoleKeyInfo key)
    {
        switch (key.Key)
        {
            case ConsoleKey.Enter:
                var line = _text.ToString();
                _text.Clear();
                if (line.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != line))
                {
                    _history.Add(line);
                    if (_history.Count > MaxHistory)
                        _history.RemoveAt(0);
                }
                _historyIndex = _history.Count;
                return line;
            case ConsoleKey.Backspace:
                if (_text.Length > 0)
                    _text.Length--;
                return null;
            case ConsoleKey.Escape:
                _text.Clear();
                return null;
            case ConsoleKey.UpArrow when _historyIndex > 0:
                Recall(--_historyIndex);
                return null;
            case ConsoleKey.DownArrow when _historyIndex < _history.Count:
                _historyIndex++;
                if (_historyIndex == _history.Count)
                    _text.Clear();
                else
                    Recall(_historyIndex);
                return null;
            default:
                if (!char.IsControl(key.KeyChar) && _text.Length < MaxLength)
                    _text.Append(key.KeyChar);
                return null;
        }
    }

    private void Recall(int index)
    {
        _text.Clear();
        _text.Append(_history[index]);
    }
}
