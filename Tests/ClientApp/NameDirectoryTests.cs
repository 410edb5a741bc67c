using Ikosa.Client.App.Session;

namespace Ikosa.Tests.ClientApp;

public class NameDirectoryTests
{
    private readonly Guid _goblin1 = Guid.NewGuid();
    private readonly Guid _goblin2 = Guid.NewGuid();
    private readonly Guid _tordek = Guid.NewGuid();
    private readonly NameDirectory _names = new();

    public NameDirectoryTests()
    {
        _names.Learn(_goblin1, "Goblin 1");
        _names.Learn(_goblin2, "Goblin 2");
        _names.Learn(_tordek, "Tordek");
    }

    [Theory]
    [InlineData("Goblin 1")]
    [InlineData("goblin-1")]
    [InlineData("GOBLIN1")]
    public void Typed_names_forgive_case_spaces_and_dashes(string typed) => Assert.Equal(_goblin1, _names.Resolve(typed).Id);

    [Fact]
    public void A_unique_prefix_is_enough_but_an_ambiguous_one_is_refused_naming_both()
    {
        Assert.Equal(_tordek, _names.Resolve("tor").Id);
        var ambiguous = _names.Resolve("gob");
        Assert.False(ambiguous.Ok);
        Assert.Contains("Goblin 1 or Goblin 2", ambiguous.Error);
    }

    [Fact]
    public void Among_candidates_only_they_count()
    {
        Assert.Equal(_goblin2, _names.Resolve("gob", [_goblin2]).Id);
        var refused = _names.Resolve("Tordek", [_goblin2]);
        Assert.False(refused.Ok);
        Assert.Contains("not a valid choice", refused.Error);
    }

    [Fact]
    public void An_unknown_name_is_refused()
    {
        Assert.False(_names.Resolve("Vecna").Ok);
        Assert.False(_names.Resolve("  ").Ok);
    }
}
