using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Prerequisites;
using YamlDotNet.RepresentationModel;

namespace Ikosa.Host.Campaigns;

/// <summary>Writes a creature's sheet back as <see cref="SheetReader"/> reads it: the totals a stat block prints.</summary>
public static class SheetWriter
{
    /// <summary>The sheet's fields in the order a game master reads them (name and team first when <paramref name="withName"/>).</summary>
    public static YamlMappingNode Write(Creature creature, bool withName = true)
    {
        var sheet = new YamlMappingNode();
        if (withName) sheet.Add("name", creature.Name);
        if (creature.Size != CreatureSize.Medium) sheet.Add("size", creature.Size.ToString().ToLowerInvariant());
        sheet.Add("level", Number(creature.Level));
        var a = creature.Abilities;
        sheet.Add("abilities", Flow(("str", a.Strength), ("dex", a.Dexterity), ("con", a.Constitution), ("int", a.Intelligence), ("wis", a.Wisdom), ("cha", a.Charisma)));
        sheet.Add("hit-points", Number(creature.MaxHitPoints));
        sheet.Add("armor-class", Number(creature.ArmorClass()));
        sheet.Add("base-attack", Number(creature.BaseAttackBonus));
        sheet.Add("saves", Flow(("fortitude", creature.SaveBonus(SaveKind.Fortitude)), ("reflex", creature.SaveBonus(SaveKind.Reflex)), ("will", creature.SaveBonus(SaveKind.Will))));
        sheet.Add("speed", Number(creature.Speed));
        if (creature.SightFeet != 120) sheet.Add("sight", Number(creature.SightFeet));
        if (!creature.Weapons.IsEmpty)
        {
            var attacks = new YamlSequenceNode();
            foreach (var weapon in creature.Weapons) attacks.Add(Attack(creature, weapon));
            sheet.Add("attacks", attacks);
        }
        if (!creature.Spells.IsEmpty)
            sheet.Add("spells", Flow([.. creature.Spells.Select(s => (s.Spell, s.Remaining))]));
        if (!creature.Skills.IsEmpty)
            sheet.Add("skills", Flow([.. creature.Skills.Select(s => (s.Key, s.Value))]));
        if (!creature.Feats.IsEmpty) sheet.Add("feats", List(creature.Feats));
        if (!creature.Equipment.IsEmpty) sheet.Add("equipment", List(creature.Equipment, flow: false));
        return sheet;
    }

    public static YamlScalarNode Number(int value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static YamlSequenceNode List(IEnumerable<string> items, bool flow = true)
    {
        var list = new YamlSequenceNode(items.Select(i => (YamlNode)new YamlScalarNode(i)));
        if (flow) list.Style = YamlDotNet.Core.Events.SequenceStyle.Flow;
        return list;
    }

    public static YamlMappingNode Flow(params (string Key, int Value)[] pairs)
    {
        var mapping = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
        foreach (var (key, value) in pairs) mapping.Add(key, Number(value));
        return mapping;
    }

    private static YamlMappingNode Attack(Creature creature, Weapon weapon)
    {
        var damage = creature.DamageRoll(weapon);
        var bonus = creature.AttackBonus(weapon);
        var attack = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
        attack.Add("name", weapon.Name);
        attack.Add("bonus", bonus >= 0 ? $"+{bonus}" : bonus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        attack.Add("damage", damage.ToString());
        var threat = weapon.ThreatFrom != 20 ? $"{weapon.ThreatFrom}-20" : null;
        var times = weapon.CriticalMultiplier != 2 ? $"x{weapon.CriticalMultiplier}" : null;
        if ((threat ?? times) is not null)
            attack.Add("critical", threat is null ? times! : times is null ? threat : $"{threat}/{times}");
        if (weapon.IsRanged()) attack.Add("range", Number(weapon.RangeIncrementFeet));
        return attack;
    }
}
