using Ikosa.Contracts;
using Ikosa.Client.App.Rendering;

namespace Ikosa.Tests.ClientApp;

/// <summary>Issue 13 §3.4: what other users typed never reaches the terminal as control sequences.</summary>
public class TerminalTextTests
{
    private const string Hostile = "hi \u001b[31mred\u001b[2J\u0007 \u202Eevil\u2066 \u009b bye";

    [Fact]
    public void Fault_13_3_4_control_characters_and_bidi_overrides_are_shown_as_replacement_characters()
    {
        var clean = TerminalText.Clean(Hostile);
        Assert.DoesNotContain(clean, UserText.IsUnsafe);
        Assert.Equal("hi \uFFFD[31mred\uFFFD[2J\uFFFD \uFFFDevil\uFFFD \uFFFD bye", clean);
        Assert.Same("plain text, ünïcödé ✓", TerminalText.Clean("plain text, ünïcödé ✓"));
    }

    [Fact]
    public void Fault_13_3_4_a_hostile_chat_line_rendered_for_the_terminal_carries_no_control_sequence_of_its_own()
    {
        var printed = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.No,
            Out = new Spectre.Console.AnsiConsoleOutput(printed),
        });

        console.Write(new Spectre.Console.Panel(new Spectre.Console.Markup(TerminalText.Markup("bob: " + Hostile))));

        Assert.DoesNotContain(printed.ToString().ReplaceLineEndings(""), UserText.IsUnsafe);
        Assert.Contains("[31mred", printed.ToString());
    }
}
