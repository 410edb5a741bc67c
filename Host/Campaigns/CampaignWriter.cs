using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow.Users;
using Ikosa.Host.Users;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Ikosa.Host.Campaigns;

/// <summary>
/// Writes a game's committed state back as a campaign folder that <see cref="CampaignReader"/> reads: its users and
/// roles (not their passwords), every character's sheet as it is now, each scene's map (doors as they stand) and who is
/// where with their hit points and conditions. A monster still exactly as the SRD bestiary has it is placed by name;
/// any other creature is written out in full. The campaign's own bestiary, which the game keeps, is written beside it.
/// </summary>
public static class CampaignWriter
{
    /// <summary>Writes <c>campaign.yaml</c> (and the campaign's own <c>bestiary.yaml</c>) into <paramref name="folder"/> (which must exist) and returns the manifest's path.</summary>
    public static string Write(IModelReader game, string folder, string origin)
    {
        var header = game.Find<CampaignHeader>(CampaignHeader.Singleton);
        var name = header?.Name ?? "Exported game";
        var srd = Bestiary.Srd(new CampaignErrors());
        var creatures = game.All<Creature>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var monsters = creatures.Where(c => IsAsInBestiary(c, srd)).Select(c => c.Id).ToHashSet();

        var manifest = new YamlMappingNode
        {
            { "campaign", name },
            { "key", header?.Key ?? (CampaignIds.Slug(name) is { Length: > 0 } slug ? slug : "game") },
            { "rules", SheetWriter.List(header?.RulePackages ?? [.. CampaignReader.DefaultRules]) },
            { "users", Users(game) },
        };
        var characters = new YamlSequenceNode();
        foreach (var creature in creatures.Where(c => !monsters.Contains(c.Id)))
            characters.Add(Character(game, creature));
        if (characters.Children.Count > 0) manifest.Add("characters", characters);
        var scenes = new YamlSequenceNode();
        foreach (var scene in SceneIds(game, header, creatures))
            scenes.Add(Scene(game, SceneMap.Of(game, scene), creatures.Where(c => c.Scene == scene), monsters));
        manifest.Add("scenes", scenes);

        var path = Path.Combine(folder, CampaignReader.ManifestName);
        var text = $"""
            # Exported by Ikosa Host from {origin} at commit {game.Serial}. Edit it, check it with 'ikosa-host check DIR',
            # and start a new game from it with 'ikosa-host --campaign DIR --data NEW-GAME-FILE'.
            # Passwords are not exported: a new game makes up new ones (or give them with --set-password USER=PASSWORD).
            # Maps use the default legend: '#' wall, '.' floor, '+' closed door, '/' open door, '~' difficult terrain.
            """ + "\n\n" + Spaced(YamlText.Of(manifest));
        File.WriteAllText(path, text);
        if (header?.OwnBestiary is { } own)
            File.WriteAllText(Path.Combine(folder, CampaignReader.BestiaryName), own);
        return path;
    }

    private static YamlMappingNode Users(IModelReader game)
    {
        var users = new YamlMappingNode();
        foreach (var account in game.All<UserAccount>().OrderBy(a => !a.IsMaster).ThenBy(a => a.Name, StringComparer.Ordinal))
            users.Add(account.Name, account.IsMaster ? "master" : "player");
        return users;
    }

    private static YamlMappingNode Character(IModelReader game, Creature creature)
    {
        var sheet = new YamlMappingNode { { "name", creature.Name } };
        if (creature.Team != "heroes") sheet.Add("team", creature.Team);
        if (creature.Kind is { } kind) sheet.Add("kind", kind);
        if (CreatureControl.Of(game, creature.Id) is { AllowedUsers.Count: > 0 } control)
            sheet.Add("players", SheetWriter.List(control.AllowedUsers));
        foreach (var (key, value) in SheetWriter.Write(creature, withName: false).Children)
            sheet.Add(key, value);
        return sheet;
    }

    private static YamlMappingNode Scene(IModelReader game, SceneMap map, IEnumerable<Creature> creatures, HashSet<EntityId> monsters)
    {
        var grid = string.Join("\n", map.Rows()) + "\n";
        var scene = new YamlMappingNode
        {
            { "name", map.Name },
            { "map", new YamlScalarNode(grid) { Style = ScalarStyle.Literal } },
        };
        var placed = new YamlSequenceNode();
        foreach (var creature in creatures.OrderBy(c => monsters.Contains(c.Id)).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            var place = new YamlMappingNode { Style = MappingStyle.Flow };
            if (monsters.Contains(creature.Id))
            {
                place.Add("monster", creature.Kind!);
                place.Add("name", creature.Name);
                if (creature.Team != "monsters") place.Add("team", creature.Team);
            }
            else
                place.Add("character", creature.Name);
            place.Add("at", new YamlSequenceNode(SheetWriter.Number(creature.Position.X), SheetWriter.Number(creature.Position.Y)) { Style = SequenceStyle.Flow });
            if (creature.HitPoints != creature.MaxHitPoints) place.Add("hit-points", SheetWriter.Number(creature.HitPoints));
            if (!creature.Conditions.IsEmpty) place.Add("conditions", SheetWriter.List(creature.Conditions));
            placed.Add(place);
        }
        if (placed.Children.Count > 0) scene.Add("creatures", placed);
        return scene;
    }

    /// <summary>The campaign's scenes in order, then any other scene, then any scene a creature is in that has no map (an open field).</summary>
    private static IEnumerable<EntityId> SceneIds(IModelReader game, CampaignHeader? header, IEnumerable<Creature> creatures) =>
        (header?.Scenes ?? [])
            .Concat(game.All<Scene>().OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Id))
            .Concat(creatures.Select(c => c.Scene))
            .Distinct();

    /// <summary>A monster whose sheet is still the SRD bestiary's (its name, place, team, hit points and conditions are its own).</summary>
    private static bool IsAsInBestiary(Creature creature, Bestiary srd) =>
        creature.Kind is { } kind && srd.Find(kind) is { } entry &&
        YamlText.Of(SheetWriter.Write(creature, withName: false)) == YamlText.Of(SheetWriter.Write(entry.Template, withName: false));

    /// <summary>A blank line before each top-level section of several lines and each list entry under it, for reading.</summary>
    private static string Spaced(string yaml)
    {
        var lines = yaml.Split('\n');
        var result = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var startsSection = i > 0 && line.Length > 0 && line[0] != ' ' && line[0] != '-' && line.EndsWith(':');
            var startsEntry = i > 0 && line.StartsWith("- name:", StringComparison.Ordinal) && !lines[i - 1].EndsWith(':');
            if (startsSection || startsEntry) result.Add("");
            result.Add(line);
        }
        return string.Join("\n", result);
    }
}
