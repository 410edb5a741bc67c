using Ikosa.Client.App.Commands;

namespace Ikosa.Tests.ClientApp;

public class CommandParserTests
{
    [Fact]
    public void Splits_the_command_word_from_its_arguments_and_keeps_the_rest_for_free_text()
    {
        var command = CommandParser.Parse("  Say  hello,  world  ")!;
        Assert.Equal("say", command.Name);
        Assert.Equal(["hello,", "world"], command.Args);
        Assert.Equal("hello,  world", command.Rest);
    }

    [Fact]
    public void Quotes_keep_a_name_with_spaces_together()
    {
        var command = CommandParser.Parse("attack \"Goblin 1\" now")!;
        Assert.Equal(["Goblin 1", "now"], command.Args);
    }

    [Fact]
    public void A_comma_list_reads_names_with_spaces()
    {
        var command = CommandParser.Parse("start-combat Tordek, Goblin 1 ,, \"Orc 2\"")!;
        Assert.Equal(["Tordek", "Goblin 1", "Orc 2"], command.CommaList);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# a comment")]
    [InlineData(null)]
    public void Empty_lines_and_comments_are_no_command(string? line) => Assert.Null(CommandParser.Parse(line));

    [Fact]
    public void Any_line_parses_without_throwing_into_a_lower_case_name_and_arguments_without_quotes()
    {
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<string>(line =>
        {
            var command = CommandParser.Parse(line);
            return command is null
                || (command.Name == command.Name.ToLowerInvariant() && command.Args.All(a => !a.Contains('"')) && command.Rest.Length <= line.Length);
        }));
    }
}
