using Ikosa.Client.App.Rendering;
using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Commands;

/// <summary>Playing: choosing characters, their actions, answering prompts, ending turns, and waiting for the game.</summary>
public sealed class PlayCommands(GameSession session)
{
    private const int MaxWaitSeconds = 300;

    public IEnumerable<CommandSpec> Specs() =>
    [
        CommandSpec.Of("chars", "chars", "the characters you may play, and who plays them", _ => Characters()),
        CommandSpec.Of("play", "play NAME[, NAME]", "take control of characters", c => Select(c.CommaList, take: true)),
        CommandSpec.Of("release", "release NAME[, NAME]", "give characters up", c => Select(c.CommaList, take: false)),
        CommandSpec.Of("use", "use NAME", "look through and act with this creature", c => Use(c.Rest)),
        CommandSpec.Of("actions", "actions", "what the active creature can do now", _ => Actions()),
        CommandSpec.Of("do", "do ACTION [targets]", "do an action: do move 3 4", c => c.Args.Count == 0
            ? Task.FromResult(CommandResult.Failed("do which action? see 'actions'"))
            : Do(c.Args[0], c.Args.Skip(1).ToList())),
        CommandSpec.Of("attack", "attack NAME", "attack a creature: in melee when it is within reach, else at range", c => Attack(c.Args)),
        CommandSpec.Of("end", "end", "end the active creature's turn", _ => EndTurn(delay: false)),
        CommandSpec.Of("delay", "delay", "act later: right after the next creature in the initiative order (before acting only)", _ => EndTurn(delay: true)),
        CommandSpec.Of("prompts", "prompts", "the prompts waiting for you, numbered", _ => Prompts()),
        CommandSpec.Of("answer", "answer [#N] [value]", "answer the first prompt (or #N): nothing lets the host roll", Answer),
        new("wait", "wait prompt|turn|batch [SECONDS]", "wait (for scripts) until a prompt waits for you, it is your turn, or anything happens", WaitAsync),
    ];

    /// <summary>
    /// The command as an action of the active creature; a refusal saying whose turn it is when the creature can do
    /// nothing because it is not its turn; null when it names no action the host offers.
    /// </summary>
    public async Task<CommandResult?> TryActionAsync(ParsedCommand command)
    {
        if (session.Active is not { } actor)
            return null;
        var actions = await session.Client.Game.GetActionsAsync(actor).ConfigureAwait(false);
        seenActions.UnionWith(actions.Select(a => a.Key));
        var action = actions.FirstOrDefault(a => a.Key == command.Name);
        if (action is not null)
            return await Do(actor, action, command.Args).ConfigureAwait(false);
        return actions.Count == 0 && IsActionName(command.Name) && await NotYourTurnAsync(actor).ConfigureAwait(false) is { } why
            ? CommandResult.Failed($"'{command.Name}': {why}")
            : null;
    }

    /// <summary>The standard rules' actions, and those the host offered this session (a rule package's): out of turn
    /// the host offers none, and anything else typed is an unknown command, not an action to wait for.</summary>
    private static readonly HashSet<string> StandardActions = ["move", "five-foot-step", "melee-attack", "ranged-attack", "open-door", "close-door"];

    private readonly HashSet<string> seenActions = [];

    private bool IsActionName(string name) =>
        StandardActions.Contains(name) || seenActions.Contains(name) || name.StartsWith("cast-", StringComparison.Ordinal);

    /// <summary>"it is not Tordek's turn (Goblin 1 acts now)" when combat runs and another creature has the turn; else null.</summary>
    private async Task<string?> NotYourTurnAsync(Guid actor)
    {
        var tracker = await session.Client.Game.GetTurnTrackerAsync().ConfigureAwait(false);
        if (!tracker.InCombat || tracker.Current == actor)
            return null;
        var current = tracker.Order.FirstOrDefault(e => e.Creature == tracker.Current);
        return $"it is not {session.Names.NameOf(actor)}'s turn{(current is null ? "" : $" ({current.Name} acts now)")}; wait for it";
    }

    private async Task<CommandResult> Characters()
    {
        var characters = await session.Client.Login.GetCharactersAsync().ConfigureAwait(false);
        if (characters.Count == 0)
            return CommandResult.Done("no characters are allowed to you");
        foreach (var character in characters)
            session.Names.Learn(character.Id, character.Name);
        return CommandResult.Done(characters.Select(c =>
            $"{c.Name}: {(c.PlayedBy is null ? "free" : "played by " + c.PlayedBy)}{(c.Id == session.Active ? " (active)" : "")}"));
    }

    private async Task<CommandResult> Select(IReadOnlyList<string> names, bool take)
    {
        if (names.Count == 0)
            return CommandResult.Failed($"{(take ? "play" : "release")} whom? see 'chars'");
        var characters = await session.Client.Login.GetCharactersAsync().ConfigureAwait(false);
        var ids = new List<Guid>();
        foreach (var name in names)
        {
            var character = characters.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (character is null)
                return CommandResult.Failed($"'{name}' is not one of your characters ({string.Join(", ", characters.Select(c => c.Name))})");
            ids.Add(character.Id);
        }
        var after = await (take ? session.Client.Login.SelectCharactersAsync(ids, []) : session.Client.Login.SelectCharactersAsync([], ids)).ConfigureAwait(false);
        var mine = session.MyCharacters(after);
        if (take)
            session.Active = ids[0];
        else if (session.Active is { } active && ids.Contains(active))
            session.Active = mine.FirstOrDefault()?.Id;
        return CommandResult.Done($"you play: {(mine.Count == 0 ? "nobody" : string.Join(", ", mine.Select(c => c.Name)))}");
    }

    private async Task<CommandResult> Use(string name)
    {
        var found = await ResolveAsync(name).ConfigureAwait(false);
        if (!found.Ok)
            return CommandResult.Failed(found.Error!);
        if (!session.IsMaster && session.MyCharacters(await session.Client.Login.GetCharactersAsync().ConfigureAwait(false)).All(c => c.Id != found.Id))
            return CommandResult.Failed($"you do not play {found.Name}; 'play {found.Name}' first");
        session.Active = found.Id;
        return CommandResult.Done($"acting as {found.Name}");
    }

    private async Task<CommandResult> Actions()
    {
        if (session.Active is not { } actor)
            return CommandResult.Failed("no active creature: 'play NAME' or 'use NAME'");
        return CommandResult.Done(PlainText.Actions(await session.Client.Game.GetActionsAsync(actor).ConfigureAwait(false)));
    }

    private async Task<CommandResult> Do(string key, IReadOnlyList<string> args)
    {
        if (session.Active is not { } actor)
            return CommandResult.Failed("no active creature: 'play NAME' or 'use NAME'");
        var actions = await session.Client.Game.GetActionsAsync(actor).ConfigureAwait(false);
        var action = actions.FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase));
        if (action is null && actions.Count == 0 && await NotYourTurnAsync(actor).ConfigureAwait(false) is { } why)
            return CommandResult.Failed($"'{key}': {why}");
        return action is null
            ? CommandResult.Failed($"'{key}' is not possible for {session.Names.NameOf(actor)} now; possible: {string.Join(", ", actions.Select(a => a.Key))}")
            : await Do(actor, action, args).ConfigureAwait(false);
    }

    private async Task<CommandResult> Do(Guid actor, ActionInfo action, IReadOnlyList<string> args)
    {
        if (action.Aiming.Any(a => a.Kind == "Creature") || action.Aiming.Any(a => a.Kind == "Path"))
            await LearnNamesAsync().ConfigureAwait(false);
        var moves = action.Aiming.Any(a => a.Kind == "Path");
        var view = moves ? await ViewAsync().ConfigureAwait(false) : null;
        var me = moves ? await session.Client.Game.GetCreatureAsync(actor).ConfigureAwait(false) : null;
        var from = me is null ? null : new PointInfo { X = me.X, Y = me.Y };
        var (activity, error) = ActivityBuilder.Build(actor, action, args, session.Names, view, from);
        if (activity is null)
            return CommandResult.Failed(error!);
        var result = await session.Client.Game.DoActionAsync(activity).ConfigureAwait(false);
        return result.Accepted
            ? CommandResult.Done($"{session.Names.NameOf(actor)}: {action.Name.ToLowerInvariant()}")
            : CommandResult.Failed(result.Error ?? "refused");
    }

    private async Task<CommandResult> Attack(IReadOnlyList<string> args)
    {
        if (session.Active is not { } actor)
            return CommandResult.Failed("no active creature: 'play NAME' or 'use NAME'");
        if (args.Count == 0)
            return CommandResult.Failed("attack whom?");
        await LearnNamesAsync().ConfigureAwait(false);
        var target = session.Names.Resolve(string.Join(' ', args));
        if (!target.Ok)
            return CommandResult.Failed(target.Error!);
        var attacks = (await session.Client.Game.GetActionsAsync(actor).ConfigureAwait(false)).Where(a => a.Key is "melee-attack" or "ranged-attack").ToList();
        var action = attacks.FirstOrDefault(a => a.Key == "melee-attack" && a.Aiming.Any(m => m.Candidates.Contains(target.Id)))
            ?? attacks.FirstOrDefault(a => a.Key == "ranged-attack" && a.Aiming.Any(m => m.Candidates.Contains(target.Id)));
        if (action is null && await NotYourTurnAsync(actor).ConfigureAwait(false) is { } why)
            return CommandResult.Failed($"{session.Names.NameOf(actor)} cannot attack now: {why}");
        return action is null
            ? CommandResult.Failed($"{session.Names.NameOf(actor)} cannot attack {target.Name} now (out of reach or sight, not your turn, or no attack left)")
            : await Do(actor, action, [target.Name]).ConfigureAwait(false);
    }

    /// <summary>Ends the turn, or with <paramref name="delay"/> gives up the place to act right after the next creature.</summary>
    private async Task<CommandResult> EndTurn(bool delay)
    {
        var tracker = await session.Client.Game.GetTurnTrackerAsync().ConfigureAwait(false);
        var mine = session.IsMaster ? null : session.MyCharacters(await session.Client.Login.GetCharactersAsync().ConfigureAwait(false)).Select(c => c.Id).ToHashSet();
        // The creature whose turn it is, when it is one of ours; else the active one (the host says why not).
        var creature = tracker.Current is { } current && (mine is null || mine.Contains(current)) ? current : session.Active;
        if (creature is not { } id)
            return CommandResult.Failed("no active creature: 'play NAME' or 'use NAME'");
        if (delay)
            return await DelayAsync(id).ConfigureAwait(false);
        var result = await session.Client.Game.EndTurnAsync(id).ConfigureAwait(false);
        return result.Accepted ? CommandResult.Done($"{session.Names.NameOf(id)} ends the turn") : CommandResult.Failed(result.Error ?? "refused");
    }

    /// <summary>Delaying is the other answer to the turn's "act, then end your turn" prompt.</summary>
    private async Task<CommandResult> DelayAsync(Guid creature)
    {
        if (await NotYourTurnAsync(creature).ConfigureAwait(false) is { } why)
            return CommandResult.Failed($"cannot delay: {why}");
        var prompts = await session.Client.Game.GetPrerequisitesAsync(creature).ConfigureAwait(false);
        if (prompts.FirstOrDefault(p => p.Kind == "ActNow") is not { } turn)
            return CommandResult.Failed($"{session.Names.NameOf(creature)} has no turn to delay now");
        var answer = new AnswerInfo { Prerequisite = turn.Id, Step = turn.Step, Choice = "Delay" };
        var results = await (session.IsMaster && session.Client.Master is { } master
            ? master.AnswerPrerequisitesAsync([answer])
            : session.Client.Game.SetPrerequisitesAsync([answer])).ConfigureAwait(false);
        return results.FirstOrDefault() is { Accepted: true }
            ? CommandResult.Done($"{session.Names.NameOf(creature)} delays: acts again right after the next creature")
            : CommandResult.Failed(results.FirstOrDefault()?.Error ?? "the host gave no result");
    }

    private async Task<CommandResult> Prompts()
    {
        await LearnNamesAsync().ConfigureAwait(false);
        return CommandResult.Done(PlainText.Prompts(await session.Client.Game.GetPrerequisitesAsync(null).ConfigureAwait(false), session.Names));
    }

    private async Task<CommandResult> Answer(ParsedCommand command)
    {
        var prompts = await session.Client.Game.GetPrerequisitesAsync(null).ConfigureAwait(false);
        var args = command.Args.ToList();
        PrerequisiteInfo? prompt;
        if (args.Count > 0 && args[0].StartsWith('#'))
        {
            if (!int.TryParse(args[0][1..], out var number) || number < 1 || number > prompts.Count)
                return CommandResult.Failed($"there is no prompt {args[0]}; see 'prompts'");
            prompt = prompts[number - 1];
            args.RemoveAt(0);
        }
        else
        {
            // "Act, then end your turn" waits all turn long: a bare answer never ends a turn by accident; 'end' does.
            prompt = prompts.FirstOrDefault(p => p.Kind != "ActNow");
            if (prompt is null)
                return CommandResult.Failed(prompts.Count == 0 ? "no prompt is waiting for you" : "nothing to answer but your turn: 'end' ends it, 'delay' delays it");
        }
        await LearnNamesAsync().ConfigureAwait(false);
        var (answer, error) = AnswerBuilder.Build(prompt, args, session.Names);
        if (answer is null)
            return CommandResult.Failed(error!);
        var results = await (session.IsMaster && session.Client.Master is { } master
            ? master.AnswerPrerequisitesAsync([answer])
            : session.Client.Game.SetPrerequisitesAsync([answer])).ConfigureAwait(false);
        var result = results.FirstOrDefault();
        return result is { Accepted: true }
            ? CommandResult.Done($"answered: {PlainText.Prompt(prompt, session.Names)}")
            : CommandResult.Failed(result?.Error ?? "the host gave no result");
    }

    private async Task<CommandResult> WaitAsync(ParsedCommand command, CancellationToken cancel)
    {
        var what = command.Args.FirstOrDefault()?.ToLowerInvariant() ?? "batch";
        var seconds = command.Args.Count > 1 && int.TryParse(command.Args[1], out var s) ? s : 10;
        if (seconds < 1 || seconds > MaxWaitSeconds)
            return CommandResult.Failed($"wait between 1 and {MaxWaitSeconds} seconds");
        if (what is not ("prompt" or "turn" or "batch"))
            return CommandResult.Failed("wait for what? prompt, turn or batch");
        Func<Task<bool>>? reached = what switch
        {
            "prompt" => async () => (await session.Client.Game.GetPrerequisitesAsync(null).ConfigureAwait(false)).Any(p => p.Kind != "ActNow"),
            "turn" => async () => (await session.Client.Game.GetTurnTrackerAsync().ConfigureAwait(false)).Current is { } current
                && (session.IsMaster || session.MyCharacters(await session.Client.Login.GetCharactersAsync().ConfigureAwait(false)).Any(c => c.Id == current)),
            _ => null,
        };
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var change = session.NextChange;
            if (reached is not null && await reached().ConfigureAwait(false))
                return CommandResult.Done($"{what}: ready");
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || session.EndedBecause is not null)
                return CommandResult.Failed($"no {what} within {seconds} s");
            if (await GameSession.WaitAsync(change, left, cancel).ConfigureAwait(false) && reached is null)
                return CommandResult.Done("batch: received");
        }
    }

    private async Task<Resolution> ResolveAsync(string name)
    {
        var found = session.Names.Resolve(name);
        if (found.Ok)
            return found;
        await LearnNamesAsync().ConfigureAwait(false);
        return session.Names.Resolve(name);
    }

    /// <summary>Learns the names this user may see now, so typed names resolve.</summary>
    private async Task LearnNamesAsync()
    {
        foreach (var character in await session.Client.Login.GetCharactersAsync().ConfigureAwait(false))
            session.Names.Learn(character.Id, character.Name);
        foreach (var entry in (await session.Client.Game.GetTurnTrackerAsync().ConfigureAwait(false)).Order)
            session.Names.Learn(entry.Creature, entry.Name);
        foreach (var token in (await ViewAsync().ConfigureAwait(false))?.Creatures ?? [])
            session.Names.Learn(token.Id, token.Name);
    }

    private async Task<ViewInfo?> ViewAsync() => session.IsMaster
        ? await session.Client.Views.WholeMapAsync().ConfigureAwait(false)
        : session.Active is { } viewer ? await session.Client.Views.OfAsync(viewer).ConfigureAwait(false) : null;
}
