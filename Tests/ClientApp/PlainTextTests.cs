using Ikosa.Client.App.Rendering;
using Ikosa.Contracts;

namespace Ikosa.Tests.ClientApp;

/// <summary>The lines scripts and commands print: in the words players use, not the host's enum names.</summary>
public class PlainTextTests
{
    [Theory]
    [InlineData("move", "Move", "Move", "move <x y ...>  move action")]
    [InlineData("five-foot-step", "5-foot step", "FiveFootStep", "five-foot-step <x y ...>  5-foot step")]
    [InlineData("melee-attack", "Melee attack", "Standard", "melee-attack <x y ...>  standard action")]
    [InlineData("cast-fireball", "Cast Fireball", "Standard", "cast-fireball <x y ...>  standard action")]
    [InlineData("trip", "Trip someone", "FullRound", "trip <x y ...>  Trip someone, full-round action")]
    public void An_action_says_how_much_of_a_turn_it_takes_in_the_rules_words(string key, string name, string time, string expected)
    {
        var action = new ActionInfo { Key = key, Name = name, Time = time, Aiming = [new AimingInfo { Key = "path", Kind = "Path", Min = 1, Max = 6 }] };
        Assert.Equal(expected, Assert.Single(PlainText.Actions([action])));
    }
}
