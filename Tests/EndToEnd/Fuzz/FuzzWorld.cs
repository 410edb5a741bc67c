using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Users;
using Ikosa.Host.Campaigns;
using Ikosa.Host.Game;
using Ikosa.Host.Services;
using Ikosa.Host.Users;

namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>
/// What the game holds just before a call, as seen by the caller: the ids, names and prompts the argument generators
/// draw from, so that a generated argument is as often meaningful (a prompt waiting for the caller, an action on offer)
/// as it is wrong. Read in-process from the committed model; lists are in a stable order, so a seed replays a run.
/// </summary>
public sealed record FuzzWorld(
    Actor Caller,
    string Ticket,
    string StaleTicket,
    long Serial,
    IReadOnlyList<string> Users,
    IReadOnlyList<FuzzWorld.CreatureSeen> Creatures,
    IReadOnlyList<Guid> OtherEntities,
    IReadOnlyList<FuzzWorld.Prompt> Prompts,
    IReadOnlyList<FuzzWorld.Offer> Actions,
    IReadOnlyList<string> ActionKeys,
    int Width,
    int Height,
    IReadOnlyList<string> Images)
{
    /// <summary>A creature, whether the caller may act for it, and its version for an optimistic edit.</summary>
    public sealed record CreatureSeen(Guid Id, string Name, int X, int Y, int MaxHitPoints, bool Yours, long Version);

    /// <summary>A prompt waiting for an answer, and whether the caller may give it.</summary>
    public sealed record Prompt(Guid Id, Guid Step, PrerequisiteKind Kind, IReadOnlyList<string> Options, int Min, int Max, IReadOnlyList<Guid> Candidates, bool Yours);

    /// <summary>An action one of the caller's creatures may take now.</summary>
    public sealed record Offer(Guid Creature, int X, int Y, string Key, IReadOnlyList<AimingMode> Aiming);

    public IEnumerable<CreatureSeen> Yours => Creatures.Where(c => c.Yours);

    public IEnumerable<CreatureSeen> NotYours => Creatures.Where(c => !c.Yours);

    public static FuzzWorld Read(GameHost game, Actor caller, string ticket, string staleTicket)
    {
        var types = game.Engine.Gate.Types;
        return game.Engine.Gate.Read(tx =>
        {
            var creatures = tx.All<Creature>().OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id.Value).ToList();
            var yours = creatures.Where(c => Control.MayAct(tx, caller, c.Id)).ToList();
            var yourIds = yours.Select(c => c.Id).ToHashSet();
            var map = SceneMap.Of(tx, CampaignHeader.OpeningScene(tx));
            var answerable = game.Rules.GetPrerequisites(tx, caller).Select(p => p.Id).ToHashSet();
            return new FuzzWorld(
                caller,
                ticket,
                staleTicket,
                tx.Serial,
                tx.All<UserAccount>().Select(u => u.Name).Order(StringComparer.Ordinal).ToList(),
                creatures.Select(c => new CreatureSeen(c.Id.Value, c.Name, c.Position.X, c.Position.Y, c.MaxHitPoints, yourIds.Contains(c.Id),
                    GameService.VersionOf(game, c))).ToList(),
                // Named entities (users, the map, the turn tracker...) are the same in every run; ids made by EntityId.New are not.
                tx.All<Entity>().Where(e => e is not Creature).Select(e => (e.Id, Name: types.NameOf(e.GetType())))
                    .OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Id.Value).Select(e => e.Id.Value).ToList(),
                game.Rules.GetPrerequisites(tx, Actor.System).Select(p => PromptOf(p, answerable.Contains(p.Id))).ToList(),
                yours.SelectMany(c => game.Rules.GetActions(tx, caller, c.Id).Select(a => new Offer(c.Id.Value, c.Position.X, c.Position.Y, a.Key, a.Aiming)))
                    .ToList(),
                game.Rules.Book.Actions.Select(a => a.Key).Order(StringComparer.Ordinal).ToList(),
                map.Width,
                map.Height,
                typeof(GameHost).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("Ikosa.Host.Images.", StringComparison.Ordinal))
                    .Select(n => n["Ikosa.Host.Images.".Length..]).Order(StringComparer.Ordinal).ToList());
        });
    }

    /// <summary>A readable name for an id in a failure message.</summary>
    public string Describe(Guid id) =>
        Creatures.FirstOrDefault(c => c.Id == id) is { } creature ? creature.Name
        : Prompts.Any(p => p.Id == id) ? $"prompt {id:N}"[..15]
        : id == Guid.Empty ? "Guid.Empty"
        : OtherEntities.Contains(id) ? $"entity {id:N}"[..15]
        : $"unknown {id:N}"[..16];

    private static Prompt PromptOf(StepPrerequisite prerequisite, bool yours) => prerequisite switch
    {
        ChoicePrerequisite choice => new(prerequisite.Id.Value, prerequisite.Step.Value, prerequisite.Kind, choice.Options.Select(o => o.Key).ToList(), 0, 0, [], yours),
        NumberPrerequisite number => new(prerequisite.Id.Value, prerequisite.Step.Value, prerequisite.Kind, [], number.Min, number.Max, [], yours),
        SelectTargetsPrerequisite targets => new(prerequisite.Id.Value, prerequisite.Step.Value, prerequisite.Kind, [], targets.Min, targets.Max,
            targets.Candidates.Select(c => c.Value).ToList(), yours),
        _ => new(prerequisite.Id.Value, prerequisite.Step.Value, prerequisite.Kind, [], 0, 0, [], yours),
    };
}
