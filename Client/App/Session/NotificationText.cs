using Ikosa.Contracts;

namespace Ikosa.Client.App.Session;

/// <summary>
/// A notification as a log line, from its typed fields. A kind this app has no sentence for (a rule package's, known to
/// the client or not) is shown by its kind and the creatures it concerns, so new kinds need no change here.
/// </summary>
public static class NotificationText
{
    public static (LogKind Kind, string Text) Format(NotificationInfo item, NameDirectory names)
    {
        string Name(Guid? id) => id is { } known ? names.NameOf(known) : "someone";
        return item switch
        {
            ChatMessageInfo chat => (LogKind.Chat, $"{chat.From}{ToWhom(chat.Audience)}: {chat.Text}"),
            DiceRolledInfo roll => (LogKind.Dice,
                $"{(roll.Creature is { } creature ? names.NameOf(creature) + ", " : "")}{roll.Purpose}: {roll.Expression} = {roll.Total}{(roll.Physical ? " (physical dice)" : "")}"),
            PromptWaitingInfo prompt => (LogKind.Prompt, $"waiting: {prompt.Text}"),
            PromptAnsweredInfo answered => (LogKind.Prompt, $"{answered.AnsweredBy} answered a prompt"),
            CreatureMovedInfo moved => (LogKind.Event, $"{Name(moved.Creature)} moved {Square(moved.From)} -> {Square(moved.To)}"),
            MovementStoppedInfo stopped => (LogKind.Event, $"{Name(stopped.Creature)} stopped at {Square(stopped.At)}: {stopped.Reason}"),
            HitPointsChangedInfo hp => (LogKind.Event, $"{Name(hp.Creature)}: {hp.HitPoints} hp ({Signed(hp.Delta)}), {hp.Health}"),
            AttackResolvedInfo attack => (LogKind.Event, Attack(Name(attack.Attacker), Name(attack.Target), attack)),
            SpellCastInfo spell => (LogKind.Event, $"{Name(spell.Caster)} casts {spell.Spell} at {Square(spell.Center)}"),
            TurnStartedInfo turn => (LogKind.Event, $"round {turn.Round}: {Name(turn.Creature)}'s turn"),
            CombatChangedInfo combat => (LogKind.Event, combat.InCombat ? $"combat! round {combat.Round}" : "combat is over"),
            CreatureAppearedInfo appeared => (LogKind.Event, $"{(appeared.Name.Length > 0 ? appeared.Name : Name(appeared.Creature))} appears at {Square(appeared.At)}"),
            CreatureDisappearedInfo gone => (LogKind.Event, $"{Name(gone.Creature)} is gone from {Square(gone.At)}"),
            CheckResolvedInfo check => (LogKind.Dice,
                $"{Name(check.Creature)}, {check.Check}: {check.Total} against DC {check.Difficulty}{(check.Secret ? " (secret)" : "")}: {(check.Succeeded ? "success" : "failure")}"),
            PlayersChangedInfo players => (LogKind.System,
                $"{Name(players.Creature)} may now be played by {(players.Players.Count == 0 ? "the game master only" : string.Join(", ", players.Players))}"),
            MapChangedInfo map => (LogKind.Event, $"the map changed at {Square(map.Cell)}"),
            PresenceChangedInfo presence => (LogKind.System, $"{presence.User} is {(presence.Online ? "online" : "offline")}"),
            SystemEventInfo system => (LogKind.System, system.What),
            StepFailedInfo failed => (LogKind.System, $"{failed.StepName} failed: {failed.Error}"),
            ProcessEndedInfo ended => (LogKind.Event, $"{ended.Name} {(ended.Completed ? "done" : "ended: " + ended.Reason)}"),
            UnknownNotificationInfo unknown => (LogKind.Event, $"{unknown}{Concerning(unknown, names)}"),
            _ => (LogKind.Event, $"{item.Kind}{Concerning(item, names)}"),
        };
    }

    private static string Attack(string attacker, string target, AttackResolvedInfo attack)
    {
        var how = attack.Opportunity ? " (attack of opportunity)" : "";
        return attack.Hit
            ? $"{attacker} hits {target}{(attack.Critical ? " critically" : "")} for {attack.Damage}{how}"
            : $"{attacker} misses {target}{how}";
    }

    /// <summary>The creatures of a notification that this app can name, e.g. ": Tordek, Goblin 1".</summary>
    private static string Concerning(NotificationInfo item, NameDirectory names)
    {
        var known = item.Entities.Where(names.Knows).Select(names.NameOf).ToList();
        return known.Count > 0 ? ": " + string.Join(", ", known) : "";
    }

    /// <summary>Who a chat line went to, in words: nothing for everyone, else " to the party", " to the GM", " whispers".</summary>
    private static string ToWhom(string audience) => audience switch
    {
        nameof(ChatAudience.Everyone) or "" => "",
        nameof(ChatAudience.Party) => " to the party",
        nameof(ChatAudience.GameMaster) => " to the GM",
        nameof(ChatAudience.Whisper) => " whispers",
        _ => $" to {audience.ToLowerInvariant()}",
    };

    private static string Square(PointInfo point) => $"({point.X},{point.Y})";

    private static string Signed(int number) => number > 0 ? "+" + number : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
