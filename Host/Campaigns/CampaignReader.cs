using System.Collections.Immutable;
using Ikosa.Engine.Packages;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow.Users;
using YamlDotNet.RepresentationModel;

namespace Ikosa.Host.Campaigns;

/// <summary>
/// Reads and checks a campaign folder: <c>campaign.yaml</c> (the manifest), an optional <c>bestiary.yaml</c>, and the
/// host's SRD bestiary. Every error is collected with its file, line and column; a campaign with any error is refused
/// whole, so nothing of it reaches a game.
/// </summary>
public static class CampaignReader
{
    public const string ManifestName = "campaign.yaml";
    public const string BestiaryName = "bestiary.yaml";

    /// <summary>What a campaign's <c>rules:</c> means when it is left out: the standard rules alone.</summary>
    public static readonly string[] DefaultRules = [RuleSet.StandardName];

    public static readonly string[] ManifestFields = ["campaign", "key", "rules", "users", "legend", "characters", "scenes"];
    public static readonly string[] CharacterFields = [.. SheetReader.SheetFields, "players", "kind"];
    public static readonly string[] SceneFields = ["name", "map", "size", "fill", "cells", "creatures"];
    public static readonly string[] CellFields = ["at", "to", "terrain"];
    public static readonly string[] PlacementFields = ["character", "monster", "name", "at", "team", "hit-points", "conditions"];
    public static readonly string[] Roles = ["master", "player"];

    /// <summary>The legend every campaign starts with; its own <c>legend</c> adds to it or changes it.</summary>
    public static readonly IReadOnlyDictionary<char, Terrain> DefaultLegend = new Dictionary<char, Terrain>
    {
        [TerrainCodes.Wall] = Terrain.Wall,
        [TerrainCodes.Floor] = Terrain.Floor,
        [TerrainCodes.ClosedDoor] = Terrain.ClosedDoor,
        [TerrainCodes.OpenDoor] = Terrain.OpenDoor,
        [TerrainCodes.Difficult] = Terrain.Difficult,
        [' '] = Terrain.Wall,
    };

    public static readonly IReadOnlyDictionary<string, Terrain> TerrainNames = new Dictionary<string, Terrain>(StringComparer.OrdinalIgnoreCase)
    {
        ["floor"] = Terrain.Floor,
        ["wall"] = Terrain.Wall,
        ["door"] = Terrain.ClosedDoor,
        ["closed door"] = Terrain.ClosedDoor,
        ["open door"] = Terrain.OpenDoor,
        ["difficult"] = Terrain.Difficult,
    };

    public const int MaxMapSide = 1024;

    /// <summary>The campaign in <paramref name="folder"/>, or every error found in it (as a <see cref="CampaignCheckException"/>).</summary>
    /// <param name="rules">the rule packages the host loaded (and the standard rules); a campaign may list only these</param>
    public static LoadedCampaign Load(string folder, IReadOnlyCollection<string>? rules = null)
    {
        var (campaign, errors) = Check(folder, rules);
        return campaign ?? throw new CampaignCheckException(errors);
    }

    /// <summary>Reads and checks the folder: the campaign when there is no error, and the errors in file order.</summary>
    public static (LoadedCampaign? Campaign, IReadOnlyList<CampaignError> Errors) Check(string folder, IReadOnlyCollection<string>? rules = null)
    {
        var errors = new CampaignErrors();
        var manifestPath = Path.Combine(folder, ManifestName);
        if (!Directory.Exists(folder))
            errors.Add(folder, 1, 1, "there is no campaign folder here; make one with 'ikosa-host new-campaign DIR'");
        else if (!File.Exists(manifestPath))
            errors.Add(manifestPath, 1, 1, $"a campaign folder needs a {ManifestName}; 'ikosa-host new-campaign DIR' writes a starter one");
        if (errors.Any) return (null, errors.Sorted());

        var bestiary = Bestiary.ForCampaign(folder, errors);
        var manifest = YamlFile.Load(manifestPath, manifestPath, errors);
        var ownBestiary = Path.Combine(folder, BestiaryName);
        var campaign = manifest.Root is null
            ? null
            : new ManifestReader(manifest, bestiary, rules ?? DefaultRules).Read(File.Exists(ownBestiary) ? File.ReadAllText(ownBestiary) : null);
        if (manifest.Root is null && !errors.Any)
            errors.Add(manifestPath, 1, 1, "the manifest is empty; 'ikosa-host new-campaign DIR' writes a starter one to copy from");
        return errors.Any ? (null, errors.Sorted()) : (campaign, []);
    }

    /// <summary>The walk through one manifest, keeping what later parts need (users, characters, names taken).</summary>
    private sealed class ManifestReader(YamlFile file, Bestiary bestiary, IReadOnlyCollection<string> loadedRules)
    {
        private readonly Dictionary<string, bool> _users = new(StringComparer.Ordinal);
        private readonly Dictionary<char, Terrain> _legend = new(DefaultLegend);
        private readonly Dictionary<string, (Creature Sheet, YamlNode At, ImmutableSortedSet<string> Players)> _characters = new(StringComparer.Ordinal);
        private readonly HashSet<string> _placedCharacters = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Name, YamlNode At)> _namesTaken = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _monsterCounts = new(StringComparer.Ordinal);
        private readonly List<Creature> _creatures = new();
        private readonly List<CreatureControl> _controls = new();
        private string _key = "campaign";

        public LoadedCampaign Read(string? ownBestiary)
        {
            var top = Fields.Of(file, file.Root!, "the campaign", ManifestFields);
            var name = top.Text("campaign", required: true) ?? "campaign";
            _key = ReadKey(top, name);
            var rules = ReadRules(top);
            ReadUsers(top);
            ReadLegend(top);
            ReadCharacters(top);
            var maps = ReadScenes(top);
            foreach (var (character, (_, at, _)) in _characters)
                if (!_placedCharacters.Contains(character))
                    file.Error(at, $"{character} is in no scene: add `- character: {character}` with `at: [x, y]` to a scene's creatures");
            top.Finish();
            var header = new CampaignHeader(CampaignHeader.Singleton, name, _key, rules, [.. maps.Select(m => m.Id)]) { OwnBestiary = ownBestiary };
            return new LoadedCampaign(header, [.. _users.Select(u => new CampaignUser(u.Key, u.Value))], maps, _creatures, _controls);
        }

        private string ReadKey(Fields top, string name)
        {
            if (top.Text("key") is not { } key) return CampaignIds.Slug(name) is { Length: > 0 } slug ? slug : "campaign";
            if (CampaignIds.Slug(key) != key)
                file.Error(top.Node("key")!, $"`key` makes the campaign's ids: use lower-case letters, digits and dashes, like `{CampaignIds.Slug(key)}`");
            return key;
        }

        private ImmutableList<string> ReadRules(Fields top)
        {
            var rules = ImmutableList.CreateBuilder<string>();
            foreach (var (rule, node) in top.Texts("rules"))
            {
                if (loadedRules.Contains(rule, StringComparer.Ordinal)) rules.Add(rule);
                else file.Error(node, $"rule package `{rule}` is not loaded (loaded: {string.Join(", ", loadedRules)}): start the host (or 'check') with --rules and its DLL or folder{Suggestions.Hint(rule, loadedRules, listWhenNoneClose: false)}");
            }
            return rules.Count > 0 ? rules.ToImmutable() : [.. DefaultRules];
        }

        private void ReadUsers(Fields top)
        {
            if (top.Mapping("users", required: true) is not { } users) return;
            foreach (var (key, value) in users.Children)
            {
                if (Fields.ReadText(file, key, "a user name") is not { } user) continue;
                if (!CampaignIds.IsUserName(user))
                    file.Error(key, $"`{user}` cannot be a user name: use 1 to 32 letters, digits, '.', '-' or '_'");
                else if (_users.Keys.FirstOrDefault(u => string.Equals(u, user, StringComparison.OrdinalIgnoreCase)) is { } same)
                    file.Error(key, $"`{user}` and `{same}` are the same user name (names ignore case)");
                else if (Fields.ReadText(file, value, $"the role of {user}") is { } role)
                {
                    if (Roles.Contains(role, StringComparer.Ordinal)) _users[user] = role == "master";
                    else file.Error(value, $"`{role}` is not a role{Suggestions.Hint(role, Roles)}");
                }
            }
            if (!_users.ContainsValue(true) && _users.Count > 0 || users.Children.Count == 0)
                file.Error(top.At("users"), "a campaign needs a game master: add a user like `gm: master` under `users`");
        }

        private void ReadLegend(Fields top)
        {
            if (top.Mapping("legend") is not { } legend) return;
            foreach (var (key, value) in legend.Children)
            {
                if (Fields.ReadText(file, key, "a legend symbol") is not { } symbol) continue;
                var glyph = key is YamlScalarNode { Value: { Length: 1 } raw } ? raw[0] : (char?)null;
                if (glyph is null)
                {
                    file.Error(key, $"`{symbol}` is not one character: a legend maps one character of the map to a terrain (quote it, like \"#\")");
                    continue;
                }
                if (ReadTerrain(value, $"the terrain of `{symbol}`") is { } terrain) _legend[glyph.Value] = terrain;
            }
        }

        private void ReadCharacters(Fields top)
        {
            foreach (var item in top.List("characters")?.Children ?? [])
            {
                var fields = Fields.Of(file, item, "a character", CharacterFields);
                var sheet = SheetReader.Read(fields, defaultTeam: "heroes") with { Kind = fields.Text("kind") };
                var players = ImmutableSortedSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (player, node) in fields.Texts("players"))
                {
                    if (_users.Keys.FirstOrDefault(u => string.Equals(u, player, StringComparison.OrdinalIgnoreCase)) is { } user) players.Add(user);
                    else file.Error(node, $"`{player}` is not a user of this campaign{Suggestions.Hint(player, _users.Keys)}; add it under `users`");
                }
                fields.Finish();
                if (!_characters.TryAdd(sheet.Name, (sheet, fields.At("name"), players.ToImmutable())))
                    file.Error(fields.At("name"), $"there are two characters named `{sheet.Name}`");
            }
        }

        private List<SceneMap> ReadScenes(Fields top)
        {
            var maps = new List<SceneMap>();
            var scenes = top.List("scenes", required: true);
            if (scenes is { Children.Count: 0 }) file.Error(scenes, "a campaign needs at least one scene");
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in scenes?.Children ?? [])
            {
                var fields = Fields.Of(file, item, "a scene", SceneFields);
                var name = fields.Text("name", required: true) ?? "?";
                if (!names.TryAdd(CampaignIds.Slug(name), name))
                    file.Error(fields.At("name"), $"two scenes are named `{name}`: name them apart");
                var rows = ReadMap(fields, name);
                var map = SceneMap.FromRows(name, rows, CampaignIds.Scene(_key, name));
                maps.Add(map);
                ReadPlacements(fields, map);
                fields.Finish();
            }
            return maps;
        }

        /// <summary>The scene's map as rows of terrain codes: from a text grid with the legend, or from a size and a list of cells.</summary>
        private List<string> ReadMap(Fields scene, string name)
        {
            var grid = scene.Node("map");
            var size = scene.Node("size");
            if (grid is not null && (size is not null || scene.Has("cells")))
                file.Error(grid, $"the scene `{name}` has both a `map` and `size`/`cells`: give one or the other");
            if (grid is not null) return ReadGrid(grid, name);
            if (size is null)
            {
                file.Error(scene.Source, $"the scene `{name}` needs a `map` (a text grid) or a `size` and `cells`");
                return [];
            }
            if (ReadPair(size, $"the size of `{name}`", 1, MaxMapSide) is not { } dimensions) return [];
            var (width, height) = dimensions;
            var fill = TerrainCodes.Floor;
            if (scene.Node("fill") is { } fillNode && ReadTerrain(fillNode, "`fill`") is { } filling)
                fill = filling.ToCode();
            var rows = Enumerable.Range(0, height).Select(_ => Enumerable.Repeat(fill, width).ToArray()).ToList();
            foreach (var item in scene.List("cells")?.Children ?? [])
            {
                var cell = Fields.Of(file, item, $"a cell of `{name}`", CellFields);
                var from = cell.Node("at", required: true) is { } at ? ReadPair(at, "`at`", 0, int.MaxValue) : null;
                var to = cell.Node("to") is { } end ? ReadPair(end, "`to`", 0, int.MaxValue) : from;
                var terrain = cell.Node("terrain", required: true) is { } terrainNode ? ReadTerrain(terrainNode, "`terrain`") : null;
                cell.Finish();
                if (from is not { } a || to is not { } b || terrain is null) continue;
                if (Math.Max(a.X, b.X) >= width || Math.Max(a.Y, b.Y) >= height)
                {
                    file.Error(item, $"this cell is outside `{name}`, which is {width} by {height} (x from 0 to {width - 1}, y from 0 to {height - 1})");
                    continue;
                }
                for (var y = Math.Min(a.Y, b.Y); y <= Math.Max(a.Y, b.Y); y++)
                for (var x = Math.Min(a.X, b.X); x <= Math.Max(a.X, b.X); x++)
                    rows[y][x] = terrain.Value.ToCode();
            }
            return rows.Select(r => new string(r)).ToList();
        }

        private List<string> ReadGrid(YamlNode grid, string name)
        {
            if (grid is not YamlScalarNode scalar)
            {
                file.Error(grid, $"the map of `{name}` is a text grid: write `map: |` and the rows below it, indented");
                return [];
            }
            var lines = file.BlockLines(scalar);
            if (lines.Count == 0) file.Error(grid, $"the map of `{name}` has no rows");
            if (lines.Count > MaxMapSide || lines.Any(l => l.Text.Length > MaxMapSide))
            {
                file.Error(grid, $"the map of `{name}` is larger than {MaxMapSide} by {MaxMapSide} squares");
                return [];
            }
            var unknown = new HashSet<char>();
            var rows = new List<string>();
            foreach (var (text, line, column) in lines)
            {
                var row = new char[text.Length];
                for (var x = 0; x < text.Length; x++)
                {
                    if (_legend.TryGetValue(text[x], out var terrain))
                        row[x] = terrain.ToCode();
                    else
                    {
                        row[x] = TerrainCodes.Wall;
                        if (unknown.Add(text[x]))
                            file.Error(line, column + x, $"`{text[x]}` in the map of `{name}` is not in the legend; add it under `legend:` (known: {string.Join(" ", _legend.Keys.Where(k => k != ' ').Select(k => k.ToString()))})");
                    }
                }
                rows.Add(new string(row));
            }
            return rows;
        }

        private void ReadPlacements(Fields scene, SceneMap map)
        {
            var occupied = new Dictionary<Cell, string>();
            foreach (var item in scene.List("creatures")?.Children ?? [])
            {
                var fields = Fields.Of(file, item, $"a creature of `{map.Name}`", PlacementFields);
                var character = fields.Text("character");
                var monster = fields.Text("monster");
                var at = fields.Node("at", required: true) is { } atNode ? ReadPair(atNode, "`at`", int.MinValue, int.MaxValue) : null;
                var creature = character is not null && monster is not null
                    ? Refuse(fields, "give either `character` or `monster`, not both")
                    : character is not null ? PlaceCharacter(fields, character)
                    : monster is not null ? PlaceMonster(fields, monster)
                    : Refuse(fields, "a creature in a scene is a `character: NAME` from `characters` or a `monster: NAME` from the bestiary");
                var team = fields.Text("team");
                var hitPoints = fields.Number("hit-points", min: -10, max: 100_000);
                var conditions = SheetReader.ReadConditions(fields);
                fields.Finish();
                if (creature is null || at is not { } position) continue;

                var cell = new Cell(position.X, position.Y);
                var place = fields.Node("at")!;
                if (!map.Contains(cell))
                    file.Error(place, $"{creature.Name} at {cell} is outside `{map.Name}`, which is {map.Width} by {map.Height} (x from 0 to {map.Width - 1}, y from 0 to {map.Height - 1})");
                else if (map.Blocks(cell))
                    file.Error(place, $"{creature.Name} at {cell} would stand in {(map.IsDoor(cell) ? "a closed door" : "a wall")} of `{map.Name}`");
                else if (!occupied.TryAdd(cell, creature.Name))
                    file.Error(place, $"{creature.Name} and {occupied[cell]} both stand at {cell} of `{map.Name}`");
                if (hitPoints > creature.MaxHitPoints)
                    file.Error(fields.Node("hit-points")!, $"{creature.Name} has at most {creature.MaxHitPoints} hit points, not {hitPoints}");
                ClaimName(creature.Name, fields.Has("name") ? fields.At("name") : item);
                _creatures.Add(creature with
                {
                    Id = CampaignIds.Creature(_key, creature.Name),
                    Scene = map.Id,
                    Position = cell,
                    Team = team ?? creature.Team,
                    HitPoints = Math.Min(hitPoints ?? creature.MaxHitPoints, creature.MaxHitPoints),
                    Conditions = conditions,
                });
            }
        }

        private Creature? PlaceCharacter(Fields fields, string name)
        {
            if (fields.Has("name"))
                file.Error(fields.At("name"), $"a character's name is on its sheet: leave `name` out here");
            if (!_characters.TryGetValue(name, out var character))
                return Refuse(fields, $"`{name}` is not one of the `characters`{Suggestions.Hint(name, _characters.Keys, listWhenNoneClose: false)}", "character");
            if (!_placedCharacters.Add(name))
                return Refuse(fields, $"{name} is already placed in a scene: a character is in one place at a time", "character");
            var id = CampaignIds.Creature(_key, name);
            _controls.Add(new CreatureControl(CreatureControl.KeyFor(id), id, character.Players, null));
            return character.Sheet;
        }

        private Creature? PlaceMonster(Fields fields, string kind)
        {
            if (bestiary.Find(kind) is not { } entry)
                return Refuse(fields, bestiary.NotFound(kind), "monster");
            var name = fields.Text("name");
            if (name is null)
            {
                var count = _monsterCounts.GetValueOrDefault(kind) + 1;
                _monsterCounts[kind] = count;
                name = $"{kind} {count}";
            }
            return entry.Template with { Name = name };
        }

        /// <summary>Two creatures may not share a name, even in different case, nor names that make the same id.</summary>
        private void ClaimName(string name, YamlNode at)
        {
            var slug = CampaignIds.Slug(name);
            if (slug.Length == 0)
                file.Error(at, $"`{name}` cannot be a creature's name: use letters or digits");
            else if (_namesTaken.TryGetValue(slug, out var other))
                file.Error(at, string.Equals(other.Name, name, StringComparison.OrdinalIgnoreCase)
                    ? $"two creatures are named `{name}` (the other at line {other.At.Start.Line}); names must differ, not only in case"
                    : $"`{name}` and `{other.Name}` (line {other.At.Start.Line}) are too alike: they would get the same id `{slug}`; name them apart");
            else
                _namesTaken[slug] = (name, at);
        }

        private Creature? Refuse(Fields fields, string message, string? field = null)
        {
            file.Error(field is null ? fields.Source : fields.Node(field) ?? fields.Source, message);
            return null;
        }

        /// <summary>A terrain by name ("wall", "open door"; dashes and underscores may stand for spaces).</summary>
        private Terrain? ReadTerrain(YamlNode node, string what)
        {
            if (Fields.ReadText(file, node, what) is not { } name) return null;
            if (TerrainNames.TryGetValue(name.Replace('-', ' ').Replace('_', ' '), out var terrain)) return terrain;
            file.Error(node, $"`{name}` is not a terrain{Suggestions.Hint(name, TerrainNames.Keys)}");
            return null;
        }

        private (int X, int Y)? ReadPair(YamlNode node, string what, int min, int max)
        {
            if (node is not YamlSequenceNode { Children.Count: 2 } pair)
            {
                file.Error(node, $"{what} is two numbers, like [3, 4]");
                return null;
            }
            var x = Fields.ReadNumber(file, pair.Children[0], what, min, max);
            var y = Fields.ReadNumber(file, pair.Children[1], what, min, max);
            return x is { } a && y is { } b ? (a, b) : null;
        }
    }
}
