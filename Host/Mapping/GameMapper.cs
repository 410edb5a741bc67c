using System.Collections.Immutable;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Views;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Users;
using Ikosa.Host.Game;

namespace Ikosa.Host.Mapping;

/// <summary>The one place where engine records become the wire's *Info types and answers come back.</summary>
public static class GameMapper
{
    public static CreatureInfo ToInfo(Creature creature, long version) => new()
    {
        Id = creature.Id.Value,
        Name = creature.Name,
        Team = creature.Team,
        X = creature.Position.X,
        Y = creature.Position.Y,
        HitPoints = creature.HitPoints,
        MaxHitPoints = creature.MaxHitPoints,
        ArmorClass = creature.ArmorClass(),
        State = creature.Health().ToString(),
        Version = version,
    };

    /// <summary>The whole sheet of <paramref name="creature"/>, for its controller and the masters only.</summary>
    public static CreatureSheetInfo ToSheet(Creature creature, CreatureControl? control) => new()
    {
        Kind = creature.Kind,
        Size = creature.Size.ToString(),
        Level = creature.Level,
        Abilities = new AbilitiesInfo
        {
            Strength = creature.Abilities.Strength, Dexterity = creature.Abilities.Dexterity, Constitution = creature.Abilities.Constitution,
            Intelligence = creature.Abilities.Intelligence, Wisdom = creature.Abilities.Wisdom, Charisma = creature.Abilities.Charisma,
        },
        Saves = new SavesInfo
        {
            Fortitude = creature.SaveBonus(SaveKind.Fortitude), Reflex = creature.SaveBonus(SaveKind.Reflex), Will = creature.SaveBonus(SaveKind.Will),
        },
        BaseAttack = creature.BaseAttackBonus,
        Initiative = creature.InitiativeModifier(),
        Speed = creature.Speed,
        SightFeet = creature.SightFeet,
        Attacks = creature.Weapons.Select(w => new AttackInfo
        {
            Name = w.Name,
            Bonus = creature.AttackBonus(w),
            Damage = creature.DamageRoll(w).ToString(),
            Critical = $"{(w.ThreatFrom == 20 ? "20" : $"{w.ThreatFrom}-20")}/x{w.CriticalMultiplier}",
            RangeFeet = w.RangeIncrementFeet,
        }).ToList(),
        Spells = creature.Spells.Select(s => new SpellUsesInfo { Spell = s.Spell, Remaining = s.Remaining }).ToList(),
        Skills = creature.Skills.Select(s => new SkillInfo { Name = s.Key, Modifier = s.Value }).ToList(),
        Feats = [.. creature.Feats],
        Equipment = [.. creature.Equipment],
        Conditions = [.. creature.Conditions],
        Players = [.. control?.AllowedUsers ?? []],
        PlayedBy = control?.Controller,
    };

    public static ActionInfo ToInfo(AvailableAction action) => new()
    {
        Key = action.Key,
        Name = action.DisplayName,
        Time = action.Time.ToString(),
        Aiming = action.Aiming.Select(a => new AimingInfo
        {
            Key = a.Key,
            Kind = a.Kind.ToString(),
            Min = a.Min,
            Max = a.Max,
            RangeFeet = a.RangeFeet,
            Candidates = a.Candidates.Select(c => c.Value).ToList(),
            Prompt = a.Prompt,
        }).ToList(),
    };

    /// <summary>An activity as the rules take it; its nulls were refused before the call (ArgumentValidation).</summary>
    public static CoreActivity ToActivity(ActivityInfo activity) => new(
        new EntityId(activity.Creature),
        activity.ActionKey,
        activity.Targets.Select(t => new AimTarget(
            t.Key,
            t.Creatures is { Count: > 0 } ? t.Creatures.Select(c => new EntityId(c)).ToImmutableList() : null,
            t.Cells is { Count: > 0 } ? t.Cells.Select(c => new Cell(c.X, c.Y)).ToImmutableList() : null)).ToImmutableList());

    public static PrerequisiteInfo ToInfo(StepPrerequisite prerequisite, bool physicalDiceAllowed)
    {
        var info = new PrerequisiteInfo
        {
            Id = prerequisite.Id.Value,
            Step = prerequisite.Step.Value,
            Kind = prerequisite.Kind.ToString(),
            Prompt = prerequisite.Text,
            Creature = prerequisite.Fulfiller?.Value,
        };
        switch (prerequisite)
        {
            case RollPrerequisite roll:
                info.DiceExpression = roll.Expression;
                info.PhysicalDiceAllowed = physicalDiceAllowed;
                break;
            case ChoicePrerequisite choice:
                info.Options = choice.Options.Select(o => o.Key).ToList();
                break;
            case NumberPrerequisite number:
                info.Min = number.Min;
                info.Max = number.Max;
                break;
            case SelectTargetsPrerequisite targets:
                info.Options = targets.Candidates.Select(c => c.ToString()).ToList();
                info.Min = targets.Min;
                info.Max = targets.Max;
                break;
        }
        return info;
    }

    /// <summary>The engine's answer for a wire answer, read as the prompt's kind requires; null when it cannot be read.</summary>
    public static Answer? ToAnswer(AnswerInfo answer, StepPrerequisite? prerequisite) => prerequisite?.Kind switch
    {
        PrerequisiteKind.Roll or PrerequisiteKind.SavingThrow =>
            answer.Number is { } physical ? RollAnswer.Physical(physical) : new RollAnswer(),
        PrerequisiteKind.Choice when answer.Choice is { } key => new ChoiceAnswer(key),
        PrerequisiteKind.SelectTargets => new TargetsAnswer(answer.Targets.Select(t => new EntityId(t)).ToImmutableList()),
        PrerequisiteKind.YesNo when answer.Yes is { } yes => new YesNoAnswer(yes),
        PrerequisiteKind.Number when answer.Number is { } number => new NumberAnswer(number),
        PrerequisiteKind.ActNow => new TurnAnswer(answer.Choice == "Delay" ? TurnDecision.Delay : TurnDecision.EndTurn),
        _ => null,
    };

    public static AnswerResultInfo ToInfo(AnswerResult result) =>
        new() { Prerequisite = result.Prerequisite.Value, Accepted = result.Accepted, Error = result.Error };

    public static TurnTrackerInfo ToInfo(TurnTrackerView view) => new()
    {
        InCombat = view.Mode == Engine.Rules.Turns.TurnMode.Initiative,
        Round = view.Round,
        Current = view.Current?.Value,
        Order = view.Order.Select(e => new TurnEntryInfo { Creature = e.Creature.Value, Name = e.Name, Initiative = e.Initiative }).ToList(),
    };

    public static DiceRollInfo ToInfo(DiceRoll roll) => new()
    {
        Purpose = roll.Purpose,
        Expression = roll.Expression,
        Total = roll.Total,
        Physical = roll.Physical,
        AskedBy = roll.AskedBy,
    };

    public static ViewInfo ToView(SceneMap map, Guid? viewer, IEnumerable<Cell> visible, IEnumerable<Cell> remembered, IEnumerable<Creature> creatures, long serial) =>
        ToView(map, viewer, new CellLists(ToCells(map, visible), ToCells(map, remembered), 0), creatures, serial);

    /// <summary>A view from cell lists already mapped (they may be shared between views: nobody changes them).</summary>
    public static ViewInfo ToView(SceneMap map, Guid? viewer, CellLists cells, IEnumerable<Creature> creatures, long serial) => new()
    {
        Viewer = viewer,
        Width = map.Width,
        Height = map.Height,
        Visible = cells.Visible,
        Remembered = cells.Remembered,
        Creatures = creatures.Select(ToToken).ToList(),
        Serial = serial,
        CellsVersion = cells.Version,
    };

    public static List<CellInfo> ToCells(SceneMap map, IEnumerable<Cell> cells) => cells.Select(c => ToCell(map, c)).ToList();

    private static CellInfo ToCell(SceneMap map, Cell cell) => new()
    {
        X = cell.X,
        Y = cell.Y,
        Terrain = map.TerrainAt(cell) switch
        {
            Terrain.Wall => "wall",
            Terrain.ClosedDoor => "door-closed",
            Terrain.OpenDoor => "door-open",
            Terrain.Difficult => "difficult",
            _ => "floor",
        },
    };

    private static TokenInfo ToToken(Creature creature) => new()
    {
        Id = creature.Id.Value,
        Name = creature.Name,
        Team = creature.Team,
        X = creature.Position.X,
        Y = creature.Position.Y,
        Icon = creature.Team + ".svg",
        State = creature.Health().ToString(),
    };
}
