using System.Security.Cryptography;
using System.Text;
using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Answers;
using Ikosa.Engine.Workflow.Dice;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Users;
using Ikosa.Host.Game;
using Ikosa.Host.Mapping;
using Ikosa.Host.Security;

namespace Ikosa.Host.Services;

/// <summary>Playing: actions, prompts, turns. Each operation authorizes (declared), enters the gate, and maps.</summary>
public sealed class GameService(GameHost game) : BoundService(game), IGameService
{
    [Authorize(Access.Anyone)]
    public Task BindAsync(string ticket) => BindChannelAsync<IGameCallback>(ticket, (callback, reason) => callback.OnSessionEndedAsync(reason));

    [Authorize(Access.ControlsCreature, Creature = "creature")]
    public Task<List<ActionInfo>> GetActionsAsync(Guid creature) =>
        ReadAsync(tx => Game.Rules.GetActions(tx, Actor, CreatureNamed(tx, creature, "creature").Id).Select(GameMapper.ToInfo).ToList());

    [Authorize(Access.ControlsCreature, Creature = "activity")]
    public Task<ResultInfo> DoActionAsync(ActivityInfo activity) =>
        RuleAsync(tx =>
        {
            CreatureNamed(tx, activity.Creature, "activity.Creature");
            return Game.Rules.DoAction(tx, Actor, GameMapper.ToActivity(activity));
        });

    [Authorize(Access.ControlsCreature, Creature = "creature")]
    public Task<List<PrerequisiteInfo>> GetPrerequisitesAsync(Guid? creature) => ReadAsync(tx =>
    {
        var physical = Actor.IsMaster || PhysicalDiceGrants.Allows(tx, Actor.UserName);
        return Game.Rules.GetPrerequisites(tx, Actor, creature is { } id ? CreatureNamed(tx, id, "creature").Id : null)
            .Select(p => GameMapper.ToInfo(p, physical)).ToList();
    });

    [Authorize(Access.LoggedIn)]
    public Task<List<AnswerResultInfo>> SetPrerequisitesAsync(List<AnswerInfo> answers) => AnswerPromptsAsync(answers);

    [Authorize(Access.ControlsCreature, Creature = "creature")]
    public Task<ResultInfo> EndTurnAsync(Guid creature) => RuleAsync(tx => Game.Rules.EndTurn(tx, Actor, CreatureNamed(tx, creature, "creature").Id));

    [Authorize(Access.LoggedIn)]
    public Task<TurnTrackerInfo> GetTurnTrackerAsync() => ReadAsync(tx => GameMapper.ToInfo(Game.Rules.GetTurnTracker(tx, Actor)));

    [Authorize(Access.LoggedIn)]
    public Task<CreatureInfo> GetCreatureAsync(Guid creature) => ReadAsync(tx =>
    {
        var found = Game.Rules.GetCreature(tx, Actor, Id(creature))
            ?? throw InvalidArgument("creature", "no such creature, or your characters cannot see it");
        var info = GameMapper.ToInfo(found, VersionOf(Game, found));
        if (Control.MayAct(tx, Actor, found.Id))
            info.Sheet = GameMapper.ToSheet(found, CreatureControl.Of(tx, found.Id));
        else
        {
            // What a character cannot know about another creature stays on the host.
            info.HitPoints = 0;
            info.MaxHitPoints = 0;
            info.ArmorClass = 0;
        }
        return info;
    });

    [Authorize(Access.LoggedIn)]
    public Task<List<DiceRollInfo>> GetDiceLogAsync(int count) =>
        ReadAsync(tx => Game.Rules.GetDiceLog(tx, Actor, count).Select(GameMapper.ToInfo).ToList());

    [Authorize(Access.Anyone)]
    public Task<long> GetSerialAsync() => Task.FromResult(Game.Serial);

    /// <summary>
    /// A creature's version for optimistic edits: a hash of its stored form, so any change gives a new version and the
    /// same state gives the same version, also after a restart.
    /// </summary>
    public static long VersionOf(GameHost game, Creature creature) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(game.Engine.Gate.Types.Serialize(creature))), 0);
}
