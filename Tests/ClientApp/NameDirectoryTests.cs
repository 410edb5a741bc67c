using Ikosa.Client.App.Session;
using Ikosa.Contracts;

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

/// <summary>Issue 13 §3.3: two creatures of one name can still be addressed, by the start of their id or by their square.</summary>
public class NameDirectoryTwinTests
{
    private readonly Guid _first = Guid.Parse("1a2b3c4d-0000-0000-0000-000000000001");
    private readonly Guid _second = Guid.Parse("9f8e7d6c-0000-0000-0000-000000000002");
    private readonly NameDirectory _names = new();

    public NameDirectoryTwinTests()
    {
        _names.Learn([
            new TokenInfo { Id = _first, Name = "Orc", X = 3, Y = 4 },
            new TokenInfo { Id = _second, Name = "Orc", X = 7, Y = 1 },
        ]);
    }

    [Fact]
    public void Fault_13_3_3_two_creatures_of_one_name_are_refused_by_name_with_what_tells_them_apart()
    {
        var refused = _names.Resolve("orc");
        Assert.False(refused.Ok);
        Assert.Contains("Orc (1a2b @3,4)", refused.Error);
        Assert.Contains("Orc (9f8e @7,1)", refused.Error);
    }

    [Theory]
    [InlineData("1a2b", true)]
    [InlineData("9F8E7D", false)]
    [InlineData("@3,4", true)]
    [InlineData("@ 7, 1", false)]
    public void Fault_13_3_3_an_id_prefix_or_a_square_names_one_of_them(string typed, bool first) =>
        Assert.Equal(first ? _first : _second, _names.Resolve(typed).Id);

    [Fact]
    public void An_empty_square_a_malformed_one_and_a_too_short_id_are_refused()
    {
        Assert.Contains("no creature at (0,0)", _names.Resolve("@0,0").Error);
        Assert.Contains("@x,y", _names.Resolve("@3").Error);
        Assert.False(_names.Resolve("1a2").Ok);
    }

    [Fact]
    public void A_square_outside_the_candidates_is_not_a_valid_choice() =>
        Assert.Contains("not a valid choice", _names.Resolve("@3,4", [_second]).Error);
}
