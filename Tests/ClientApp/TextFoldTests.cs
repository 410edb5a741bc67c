using Ikosa.Client.App.Rendering;

namespace Ikosa.Tests.ClientApp;

public class TextFoldTests
{
    [Fact]
    public void Text_folds_at_spaces_with_later_lines_indented()
    {
        Assert.Equal(["alice: the goblin", "  is mine"], TextFold.Fold("alice: the goblin is mine", 17, indent: 2));
        Assert.Equal(["short"], TextFold.Fold("short", 17));
        Assert.Equal([""], TextFold.Fold("", 17));
    }

    [Fact]
    public void A_word_longer_than_the_width_is_cut_and_no_line_is_ever_wider()
    {
        var lines = TextFold.Fold("a " + new string('x', 25) + " b", 10);
        Assert.All(lines, l => Assert.True(l.Length <= 10, l));
        Assert.Equal("a" + new string('x', 25) + "b", string.Concat(lines).Replace(" ", ""));
    }

    [Fact]
    public void Wide_characters_count_as_two_cells()
    {
        var lines = TextFold.Fold("竜竜竜竜竜竜", 5);
        Assert.Equal(["竜竜", "竜竜", "竜竜"], lines);
    }
}
