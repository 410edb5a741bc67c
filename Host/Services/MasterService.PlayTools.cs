using System.Text.RegularExpressions;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Rules.Mastering;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Host.Campaigns;
using Ikosa.Host.Mapping;
using Ikosa.Host.Security;
using Ikosa.Host.Users;
using Ikosa.ServiceModel;

namespace Ikosa.Host.Services;

/// <summary>
/// The master's tools during play: placing, removing and moving creatures, redrawing the map, giving characters, asking
/// for checks and rolling freely. Each is one write; the rules (<see cref="MasterTools"/>) tell exactly who perceives it.
/// </summary>
public sealed partial class MasterService
{
    [Authorize(Access.Master)]
    public Task<List<MonsterInfo>> GetBestiaryAsync() => Task.FromResult(Game.Bestiary.Entries
        .OrderBy(e => e.Template.Name, StringComparer.Ordinal)
        .Select(e => new MonsterInfo
        {
            Name = e.Template.Name, Size = e.Template.Size.ToString(), Level = e.Template.Level, HitPoints = e.Template.MaxHitPoints,
            FromCampaign = !Bestiary.IsSrd(e),
        })
        .ToList());

    [Authorize(Access.Master)]
    public Task<List<SceneInfo>> GetScenesAsync() => ReadAsync(tx =>
    {
        var opening = CampaignHeader.OpeningScene(tx);
        var scenes = tx.All<Scene>().ToList();
        if (scenes.Count == 0)
            scenes.Add(Scene.OpenField(Scene.Default));
        return scenes
            .OrderBy(s => s.Id != opening)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new SceneInfo { Id = s.Id.Value, Name = s.Name, Width = s.Width, Height = s.Height, Opening = s.Id == opening })
            .ToList();
    });

    [Authorize(Access.Master)]
    public Task<CreatureInfo> PlaceCreatureAsync(PlacementInfo placement) => WriteAsync(tx =>
    {
        var entry = Game.Bestiary.Find(placement.Monster) ?? throw InvalidArgument("placement.Monster", Game.Bestiary.NotFound(placement.Monster));
        var scene = SceneNamed(tx, placement.Scene, "placement.Scene") ?? CampaignHeader.OpeningScene(tx);
        var name = string.IsNullOrWhiteSpace(placement.Name) ? NextFreeName(tx, entry.Template.Name) : placement.Name.Trim();
        RefuseTakenName(tx, name, except: null, "placement.Name");
        var creature = entry.Template with
        {
            Id = EntityId.New(),
            Name = name,
            Team = string.IsNullOrWhiteSpace(placement.Team) ? entry.Template.Team : placement.Team.Trim(),
            Scene = scene,
            Position = new Cell(placement.X, placement.Y),
        };
        var result = MasterTools.Place(tx, Actor, creature);
        if (!result.Ok)
            throw InvalidArgument("placement", result.Error!);
        return GameMapper.ToInfo(creature, GameService.VersionOf(Game, creature));
    });

    [Authorize(Access.Master)]
    public Task<ResultInfo> RemoveCreatureAsync(Guid creature) =>
        RuleAsync(tx => MasterTools.Remove(tx, Actor, Game.Rules.Workflow, CreatureNamed(tx, creature, "creature").Id));

    [Authorize(Access.Master)]
    public Task<ResultInfo> MoveCreatureAsync(Guid creature, Guid? scene, int x, int y) => RuleAsync(tx =>
    {
        var found = CreatureNamed(tx, creature, "creature");
        return MasterTools.Move(tx, Actor, Game.Rules.Workflow, found.Id, SceneNamed(tx, scene, "scene") ?? found.Scene, new Cell(x, y));
    });

    [Authorize(Access.Master)]
    public Task<ResultInfo> EditMapAsync(Guid? scene, List<CellEditInfo> cells) => RuleAsync(tx =>
        MasterTools.EditCells(tx, Actor, SceneNamed(tx, scene, "scene") ?? CampaignHeader.OpeningScene(tx),
            cells.Select(c => (new Cell(c.X, c.Y), TerrainOf(c.Terrain))).ToList()));

    [Authorize(Access.Master)]
    public Task<ResultInfo> SetPlayersAsync(Guid creature, List<string> users) => RuleAsync(tx =>
    {
        var found = CreatureNamed(tx, creature, "creature");
        var names = users.Select((user, i) =>
            tx.Find<UserAccount>(UserAccount.KeyFor(user))?.Name ?? throw InvalidArgument($"users[{i}]", $"there is no user '{user}'")).ToList();
        return MasterTools.SetPlayers(tx, Actor, found.Id, names);
    });

    [Authorize(Access.Master)]
    public Task<ResultInfo> RequestCheckAsync(CheckRequestInfo check) => RuleAsync(tx =>
    {
        var found = CreatureNamed(tx, check.Creature, "check.Creature");
        var kind = check.Type switch
        {
            CheckType.Ability => CheckKind.Ability,
            CheckType.Skill => CheckKind.Skill,
            _ => CheckKind.Save,
        };
        if (CheckBonus.For(found, kind, check.Name, out var error) is null)
            throw InvalidArgument("check.Name", error!);
        return Game.Rules.RequestCheck(tx, Actor, found.Id, kind, check.Name, check.Difficulty, check.Secret);
    });

    [Authorize(Access.Master)]
    public async Task<DiceRollInfo> RollDiceAsync(string expression, string? purpose, bool mastersOnly)
    {
        if (!DiceExpression.TryParse(expression, out var dice, out var error))
            throw InvalidArgument("expression", error);
        var why = string.IsNullOrWhiteSpace(purpose) ? "free roll" : purpose.Trim();
        return await WriteAsync(tx => GameMapper.ToInfo(Game.Rules.RollFree(tx, Actor, dice, why, mastersOnly))).ConfigureAwait(false);
    }

    /// <summary>Names are how players address creatures: two of one name could be told apart by neither.</summary>
    private static void RefuseTakenName(IModelReader reader, string name, EntityId? except, string argument)
    {
        if (reader.All<Creature>().FirstOrDefault(c => c.Id != except && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) is { } twin)
            throw InvalidArgument(argument, $"another creature is already called {twin.Name}; choose another name");
    }

    /// <summary>"Goblin 4" when Goblin 1 to 3 are in the game.</summary>
    private static string NextFreeName(IModelReader reader, string kind)
    {
        var numbered = new Regex($"^{Regex.Escape(kind)} (\\d{{1,6}})$", RegexOptions.IgnoreCase);
        var highest = reader.All<Creature>().Select(c => numbered.Match(c.Name)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(0).Max();
        return $"{kind} {highest + 1}";
    }

    private static Terrain TerrainOf(TerrainType terrain) => terrain switch
    {
        TerrainType.Wall => Terrain.Wall,
        TerrainType.Door => Terrain.ClosedDoor,
        TerrainType.OpenDoor => Terrain.OpenDoor,
        TerrainType.Difficult => Terrain.Difficult,
        _ => Terrain.Floor,
    };
}
