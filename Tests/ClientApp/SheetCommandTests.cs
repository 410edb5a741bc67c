using Ikosa.Engine.Model;

namespace Ikosa.Tests.ClientApp;

/// <summary>The <c>sheet</c> command: a player reads the sheets of the characters they play, the game master any creature's.</summary>
public class SheetCommandTests
{
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;

    [Fact]
    public async Task A_player_reads_her_characters_sheet_and_not_another_players()
    {
        await using var app = await AppSessions.StartAsync();
        var (alice, aliceCommands) = await app.LoginAsync("alice");
        Assert.Contains((await aliceCommands.Ok("help")).Lines, l => l.StartsWith("sheet [NAME]", StringComparison.Ordinal));
        Assert.StartsWith("no active creature", await aliceCommands.Refused("sheet"));
        await aliceCommands.Ok("play Tordek");

        var sheet = (await alice.Client.Game.GetCreatureAsync(Tordek)).Sheet!;
        var lines = (await aliceCommands.Ok("sheet")).Lines;
        Assert.StartsWith("Tordek: ", lines[0]);
        Assert.Contains($"abilities: Str {sheet.Abilities.Strength}, Dex {sheet.Abilities.Dexterity}, Con {sheet.Abilities.Constitution}, Int {sheet.Abilities.Intelligence}, Wis {sheet.Abilities.Wisdom}, Cha {sheet.Abilities.Charisma}", lines);
        Assert.Contains($"saves: Fortitude +{sheet.Saves.Fortitude}, Reflex {sheet.Saves.Reflex:+0;-0;+0}, Will {sheet.Saves.Will:+0;-0;+0}", lines);
        var attack = sheet.Attacks[0];
        Assert.Contains(lines, l => l.StartsWith("attacks: ", StringComparison.Ordinal) && l.Contains($"{attack.Name} {attack.Bonus:+0;-0;+0} ({attack.Damage}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("skills: ", StringComparison.Ordinal) && sheet.Skills.All(s => l.Contains(s.Name, StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("equipment: ", StringComparison.Ordinal) && sheet.Equipment.All(e => l.Contains(e, StringComparison.Ordinal)));
        Assert.Contains("conditions: " + (sheet.Conditions.Count == 0 ? "none" : string.Join(", ", sheet.Conditions)), lines);
        Assert.Equal(lines, (await aliceCommands.Ok("sheet tordek")).Lines);

        // Another player's character and a monster are not hers to read.
        Assert.Equal("you see the sheets of the characters you play only (Tordek)", await aliceCommands.Refused("sheet Mialee"));
        Assert.StartsWith("you see the sheets of the characters you play only", await aliceCommands.Refused("sheet Goblin 1"));
    }

    [Fact]
    public async Task The_game_master_reads_any_creatures_sheet()
    {
        await using var app = await AppSessions.StartAsync();
        var (gm, gmCommands) = await app.LoginAsync("gm");

        var lines = (await gmCommands.Ok("sheet Mialee")).Lines;
        Assert.StartsWith("Mialee: ", lines[0]);
        var mialee = (await gm.Client.Game.GetCreatureAsync(EntityId.Named("sample:mialee").Value)).Sheet!;
        Assert.Contains(lines, l => l.StartsWith("spells: ", StringComparison.Ordinal) && mialee.Spells.All(s => l.Contains($"{s.Spell} ({s.Remaining} left)", StringComparison.Ordinal)));
        Assert.StartsWith("Goblin 1: ", (await gmCommands.Ok("sheet Goblin 1")).Lines[0]);
        Assert.Contains("Nobody", await gmCommands.Refused("sheet Nobody"));
    }
}
