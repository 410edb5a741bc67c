using Ikosa.Client.App.Commands;
using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Web;

/// <summary>
/// What a player does from the page: previews (a move's path and cost, an area's template) and the requests to the host,
/// built by the terminal app's builders from what the page clicked. A move out of reach is refused here, before it is sent.
/// </summary>
public sealed class TableActions(TableFeed feed)
{
    private GameSession Session => feed.Session;

    private IGameService Game => Session.Client.Game;

    /// <summary>The path <paramref name="creature"/> would walk to (x, y), its cost in feet, and whether it can walk it now.</summary>
    public async Task<PagePlan> PlanAsync(Guid creature, int x, int y)
    {
        var (me, view) = await WhereAsync(creature).ConfigureAwait(false);
        var move = (await Game.GetActionsAsync(creature).ConfigureAwait(false)).FirstOrDefault(a => a.Aiming.Any(m => m.Kind == "Path"));
        if (move is null)
            return new PagePlan([], 0, 0, false, $"{me.Name} cannot move now");
        var path = view is null ? null : PathPlanner.Plan(view, (me.X, me.Y), (x, y));
        if (path is null || path.Count == 0)
            return new PagePlan([], 0, 0, false, $"no known way from ({me.X},{me.Y}) to ({x},{y})");
        var aiming = move.Aiming.First(m => m.Kind == "Path");
        var feet = PathPlanner.CostFeet(view!, (me.X, me.Y), path);
        var reachable = feet <= aiming.RangeFeet && path.Count <= aiming.Max;
        var points = path.Select(p => new PagePoint(p.X, p.Y)).ToList();
        return new PagePlan(points, feet, aiming.RangeFeet, reachable,
            reachable ? $"{me.Name} moves {feet} ft to ({x},{y})" : $"out of reach: ({x},{y}) is {feet} ft away; {me.Name} moves {aiming.RangeFeet} ft");
    }

    /// <summary>The squares an area action centred on (x, y) fills, and who in sight it catches.</summary>
    public async Task<PageArea> AreaAsync(Guid creature, string actionKey, int x, int y)
    {
        var radius = AreaTemplate.RadiusFeet(actionKey);
        var (me, view) = await WhereAsync(creature).ConfigureAwait(false);
        if (radius is null || view is null)
            return new PageArea([], [], false, $"{actionKey} has no area");
        var action = (await Game.GetActionsAsync(creature).ConfigureAwait(false)).FirstOrDefault(a => a.Key == actionKey);
        var range = action?.Aiming.FirstOrDefault(m => m.Kind == "Cell")?.RangeFeet ?? 0;
        var inRange = action is not null && AreaTemplate.DistanceFeet((me.X, me.Y), (x, y)) <= range;
        var self = new TokenInfo { Id = me.Id, Name = me.Name, Team = me.Team, X = me.X, Y = me.Y, State = me.State };
        var (squares, caught) = AreaTemplate.Of(view, (x, y), radius.Value, [self]);
        var who = caught.Count == 0 ? "nobody in sight" : string.Join(", ", caught.Select(c => c.Name));
        var text = action is null ? $"{me.Name} cannot do {actionKey} now"
            : !inRange ? $"({x},{y}) is out of range ({range} ft)"
            : $"catches {who}{(caught.Any(c => c.Id == me.Id) ? " — including yourself!" : "")}";
        return new PageArea(squares.Select(s => new PagePoint(s.X, s.Y)).ToList(),
            caught.Select(t => new PageToken(t.Id, t.Name, t.Team, t.X, t.Y, t.Icon, t.State, t.Id == me.Id)).ToList(), inRange, text);
    }

    /// <summary>A creature's sheet: whole for its controller and the masters, the host leaves it out for anyone else.</summary>
    public async Task<PageSheet> SheetAsync(Guid creature)
    {
        var c = await Game.GetCreatureAsync(creature).ConfigureAwait(false);
        return new PageSheet(new PageCreature(c.Id, c.Name, c.Team, c.X, c.Y, c.HitPoints, c.MaxHitPoints, c.ArmorClass, c.State), c.Sheet);
    }

    /// <summary>Does an action, aimed at what the page clicked; a move out of reach is refused without asking the host.</summary>
    public async Task<PageResult> ActAsync(ActRequest request)
    {
        var action = (await Game.GetActionsAsync(request.Creature).ConfigureAwait(false)).FirstOrDefault(a => a.Key == request.Action);
        if (action is null)
            return new PageResult(false, $"{Session.Names.NameOf(request.Creature)} cannot {request.Action} now");
        var args = new List<string>();
        foreach (var aiming in action.Aiming)
        {
            if (aiming.Kind == "Creature" && request.Target is { } target)
                args.Add(target.ToString("N"));
            else if (aiming.Kind is "Cell" or "Path" && request is { X: { } x, Y: { } y })
                args.AddRange([x.ToString(System.Globalization.CultureInfo.InvariantCulture), y.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        var (me, view) = await WhereAsync(request.Creature).ConfigureAwait(false);
        if (action.Aiming.Any(m => m.Kind == "Path") && request is { X: { } toX, Y: { } toY })
        {
            var plan = await PlanAsync(request.Creature, toX, toY).ConfigureAwait(false);
            if (!plan.Reachable)
                return new PageResult(false, plan.Text);
        }
        var (activity, error) = ActivityBuilder.Build(request.Creature, action, args, Session.Names, view, new PointInfo { X = me.X, Y = me.Y });
        if (activity is null)
            return new PageResult(false, error!);
        var result = await Game.DoActionAsync(activity).ConfigureAwait(false);
        return Done(result, $"{me.Name}: {action.Name.ToLowerInvariant()}");
    }

    /// <summary>Attacks in melee when the target is within reach, else at range; refused when neither can reach it.</summary>
    public async Task<PageResult> AttackAsync(AttackRequest request)
    {
        var attacks = (await Game.GetActionsAsync(request.Creature).ConfigureAwait(false)).Where(a => a.Key is "melee-attack" or "ranged-attack").ToList();
        var action = attacks.FirstOrDefault(a => a.Key == "melee-attack" && a.Aiming.Any(m => m.Candidates.Contains(request.Target)))
            ?? attacks.FirstOrDefault(a => a.Key == "ranged-attack" && a.Aiming.Any(m => m.Candidates.Contains(request.Target)));
        return action is null
            ? new PageResult(false, $"{Session.Names.NameOf(request.Creature)} cannot attack {Session.Names.NameOf(request.Target)} now (out of reach or sight, not your turn, or no attack left)")
            : await ActAsync(new ActRequest(request.Creature, action.Key, request.Target, null, null)).ConfigureAwait(false);
    }

    public async Task<PageResult> AnswerAsync(AnswerRequest request)
    {
        var prompt = (await Game.GetPrerequisitesAsync(null).ConfigureAwait(false)).FirstOrDefault(p => p.Id == request.Prompt);
        if (prompt is null)
            return new PageResult(false, "that prompt is no longer waiting");
        string[] args = request switch
        {
            { Number: { } number } => [number.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            { Choice: { } choice } => [choice],
            { Yes: { } yes } => [yes ? "yes" : "no"],
            _ => [],
        };
        var (answer, error) = AnswerBuilder.Build(prompt, args, Session.Names);
        if (answer is null)
            return new PageResult(false, error!);
        var results = await (Session.IsMaster && Session.Client.Master is { } master
            ? master.AnswerPrerequisitesAsync([answer])
            : Game.SetPrerequisitesAsync([answer])).ConfigureAwait(false);
        var result = results.FirstOrDefault();
        return result is { Accepted: true } ? new PageResult(true, "answered") : new PageResult(false, result?.Error ?? "the host gave no result");
    }

    /// <summary>Ends the turn of the creature whose turn it is when it is the user's, else of the active one.</summary>
    public async Task<PageResult> EndTurnAsync()
    {
        var result = await new CommandExecutor(Session).ExecuteAsync("end").ConfigureAwait(false);
        return new PageResult(result.Ok, string.Join(" ", result.Lines));
    }

    public async Task<PageResult> ChatAsync(ChatRequest request)
    {
        var audience = request.Audience switch
        {
            "party" => ChatAudience.Party,
            "gm" => ChatAudience.GameMaster,
            "whisper" => ChatAudience.Whisper,
            _ => ChatAudience.Everyone,
        };
        if (string.IsNullOrWhiteSpace(request.Text))
            return new PageResult(false, "say what?");
        if (audience == ChatAudience.Whisper && string.IsNullOrWhiteSpace(request.To))
            return new PageResult(false, "whisper to whom?");
        await Session.Client.Login.SendChatAsync(new ChatInfo { Audience = audience, To = request.To, Text = request.Text.Trim() }).ConfigureAwait(false);
        return new PageResult(true, "sent");
    }

    public async Task<PageResult> PlayAsync(PlayRequest request)
    {
        var after = await (request.Take
            ? Session.Client.Login.SelectCharactersAsync([request.Character], [])
            : Session.Client.Login.SelectCharactersAsync([], [request.Character])).ConfigureAwait(false);
        var mine = Session.MyCharacters(after);
        if (request.Take)
            Session.Active = request.Character;
        else if (Session.Active == request.Character)
            Session.Active = mine.FirstOrDefault()?.Id;
        return new PageResult(true, $"you play: {(mine.Count == 0 ? "nobody" : string.Join(", ", mine.Select(c => c.Name)))}");
    }

    /// <summary>Acts with a creature of the user's; a game master also looks through it (null: back to the whole map).</summary>
    public async Task<PageResult> UseAsync(UseRequest request)
    {
        if (!Session.IsMaster)
        {
            var mine = Session.MyCharacters(await Session.Client.Login.GetCharactersAsync().ConfigureAwait(false));
            if (request.Creature is not { } id || mine.All(c => c.Id != id))
                return new PageResult(false, "you do not play that creature");
        }
        else
            Session.ViewAs = request.Creature;
        if (request.Creature is { } creature)
            Session.Active = creature;
        return new PageResult(true, request.Creature is { } c ? $"acting as {Session.Names.NameOf(c)}" : "the whole map");
    }

    private async Task<(CreatureInfo Me, ViewInfo? View)> WhereAsync(Guid creature)
    {
        var me = await Game.GetCreatureAsync(creature).ConfigureAwait(false);
        var state = Session.State;
        var view = state?.View is { } seen && (seen.Viewer == creature || Session.IsMaster && Session.ViewAs is null)
            ? seen
            : await Session.Client.Views.OfAsync(creature).ConfigureAwait(false);
        return (me, view);
    }

    private static PageResult Done(ResultInfo result, string what) =>
        result.Accepted ? new PageResult(true, what) : new PageResult(false, result.Error ?? "refused");
}
