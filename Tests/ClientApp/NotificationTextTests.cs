using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Tests.ClientApp;

/// <summary>The terminal app's log lines, read from the notifications' typed fields.</summary>
public class NotificationTextTests
{
    private static readonly Guid Tordek = Guid.NewGuid();
    private static readonly Guid Goblin = Guid.NewGuid();

    private static NameDirectory Names()
    {
        var names = new NameDirectory();
        names.Learn(Tordek, "Tordek");
        names.Learn(Goblin, "Goblin 1");
        return names;
    }

    public static TheoryData<NotificationInfo, LogKind, string> Sentences() => new()
    {
        { new DiceRolledInfo { Creature = Tordek, Purpose = "initiative", Expression = "1d20+1", Total = 21 }, LogKind.Dice, "Tordek, initiative: 1d20+1 = 21" },
        { new DiceRolledInfo { Purpose = "damage", Expression = "5d6", Total = 20, Physical = true }, LogKind.Dice, "damage: 5d6 = 20 (physical dice)" },
        { new CreatureMovedInfo { Creature = Tordek, From = new() { X = 2, Y = 2 }, To = new() { X = 3, Y = 4 } }, LogKind.Event, "Tordek moved (2,2) -> (3,4)" },
        { new MovementStoppedInfo { Creature = Tordek, At = new() { X = 6, Y = 3 }, Reason = "a closed door" }, LogKind.Event, "Tordek stopped at (6,3): a closed door" },
        { new HitPointsChangedInfo { Creature = Tordek, HitPoints = 35, Delta = -10, Health = "Conscious" }, LogKind.Event, "Tordek: 35 hp (-10), Conscious" },
        { new HitPointsChangedInfo { Creature = Tordek, HitPoints = 40, Delta = 5, Health = "Conscious" }, LogKind.Event, "Tordek: 40 hp (+5), Conscious" },
        { new AttackResolvedInfo { Attacker = Tordek, Target = Goblin, Hit = true, Damage = 7 }, LogKind.Event, "Tordek hits Goblin 1 for 7" },
        { new AttackResolvedInfo { Attacker = Goblin, Target = Tordek, Opportunity = true }, LogKind.Event, "Goblin 1 misses Tordek (attack of opportunity)" },
        { new SpellCastInfo { Caster = Tordek, Spell = "Fireball", Center = new() { X = 2, Y = 2 } }, LogKind.Event, "Tordek casts Fireball at (2,2)" },
        { new TurnStartedInfo { Creature = Tordek, Round = 2 }, LogKind.Event, "round 2: Tordek's turn" },
        { new CombatChangedInfo { InCombat = true, Round = 1 }, LogKind.Event, "combat! round 1" },
        { new CreatureAppearedInfo { Creature = Guid.NewGuid(), Name = "Goblin 4", At = new() { X = 5, Y = 2 } }, LogKind.Event, "Goblin 4 appears at (5,2)" },
        { new CombatChangedInfo { InCombat = false, Round = 3 }, LogKind.Event, "combat is over" },
        { new MapChangedInfo { Cell = new() { X = 7, Y = 3 } }, LogKind.Event, "the map changed at (7,3)" },
        { new PromptWaitingInfo { Text = "Tordek: roll initiative", Deadline = DateTimeOffset.UnixEpoch }, LogKind.Prompt, "waiting: Tordek: roll initiative" },
        { new PromptAnsweredInfo { AnsweredBy = "alice" }, LogKind.Prompt, "alice answered a prompt" },
        { new ChatMessageInfo { From = "alice", Audience = "Party", Text = "careful, Text: a trap" }, LogKind.Chat, "alice to the party: careful, Text: a trap" },
        { new ChatMessageInfo { From = "alice", Audience = "Everyone", Text = "hi" }, LogKind.Chat, "alice: hi" },
        { new ChatMessageInfo { From = "alice", Audience = "GameMaster", Text = "a secret" }, LogKind.Chat, "alice to the GM: a secret" },
        { new ChatMessageInfo { From = "gm", Audience = "Whisper", Text = "psst" }, LogKind.Chat, "gm whispers: psst" },
        { new PresenceChangedInfo { User = "bob", Online = false }, LogKind.System, "bob is offline" },
        { new SystemEventInfo { What = "the game master edited Tordek" }, LogKind.System, "the game master edited Tordek" },
        { new StepFailedInfo { StepName = "shove", Error = "boom" }, LogKind.System, "shove failed: boom" },
        { new ProcessEndedInfo { Name = "Move", Completed = false, Reason = "blocked" }, LogKind.Event, "Move ended: blocked" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Every_kind_becomes_a_sentence_from_its_fields_with_the_creatures_names(NotificationInfo item, LogKind kind, string expected) =>
        Assert.Equal((kind, expected), NotificationText.Format(item, Names()));

    [Fact]
    public void An_unknown_kind_is_named_with_the_creatures_it_concerns_and_unknown_ids_stay_anonymous()
    {
        var item = new UnknownNotificationInfo { Kind = "Shoved", Entities = [Tordek, Guid.NewGuid()] };
        Assert.Equal((LogKind.Event, "unknown notification of kind Shoved: Tordek"), NotificationText.Format(item, Names()));
    }
}
