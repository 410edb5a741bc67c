using Ikosa.Client.App.Interactive;

namespace Ikosa.Tests.ClientApp;

public class LineEditorTests
{
    private static ConsoleKeyInfo Key(char ch) => new(ch, ch == '\r' ? ConsoleKey.Enter : ConsoleKey.A, false, false, false);

    private static ConsoleKeyInfo Key(ConsoleKey key) => new('\0', key, false, false, false);

    private static string? Type(LineEditor editor, string text)
    {
        string? submitted = null;
        foreach (var ch in text)
            submitted = editor.Handle(Key(ch)) ?? submitted;
        return submitted;
    }

    [Fact]
    public void Typing_then_Enter_submits_the_line_and_clears_it()
    {
        var editor = new LineEditor();
        Assert.Null(Type(editor, "move 3 4"));
        Assert.Equal("move 3 4", editor.Text);
        Assert.Equal("move 3 4", editor.Handle(Key('\r')));
        Assert.Equal("", editor.Text);
    }

    [Fact]
    public void Backspace_and_Escape_edit_and_Up_recalls_history()
    {
        var editor = new LineEditor();
        Type(editor, "endd");
        editor.Handle(Key(ConsoleKey.Backspace));
        Assert.Equal("end", editor.Handle(Key('\r')));
        Type(editor, "say hi");
        editor.Handle(Key(ConsoleKey.Escape));
        Assert.Equal("", editor.Text);
        editor.Handle(Key(ConsoleKey.UpArrow));
        Assert.Equal("end", editor.Text);
        editor.Handle(Key(ConsoleKey.DownArrow));
        Assert.Equal("", editor.Text);
    }

    [Fact]
    public void Control_characters_are_not_typed_and_an_empty_Enter_submits_an_empty_line()
    {
        var editor = new LineEditor();
        editor.Handle(new ConsoleKeyInfo('\u0007', ConsoleKey.G, false, false, true));
        Assert.Equal("", editor.Text);
        Assert.Equal("", editor.Handle(Key('\r')));
    }
}
