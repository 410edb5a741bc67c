using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Commands;

/// <summary>The game master's commands: combat, pausing, answering any prompt, editing creatures, users, snapshots.</summary>
public sealed class MasterCommands(GameSession session)
{
    private IMasterService Master => session.Client.Master ?? throw new InvalidOperationException("not a master session");

    public IEnumerable<CommandSpec> Specs() =>
    [
        Spec("start-combat", "start-combat NAME, NAME, ...", "start combat with these creatures", c => WithCreatures(c, Master.StartCombatAsync, "combat started")),
        Spec("stop-combat", "stop-combat", "end combat", _ => Outcome(Master.StopCombatAsync(), "combat stopped")),
        Spec("add-combatants", "add-combatants NAME, ...", "bring creatures into the fight", c => WithCreatures(c, Master.AddCombatantsAsync, "added")),
        Spec("drop-combatants", "drop-combatants NAME, ...", "take creatures out of the fight", c => WithCreatures(c, Master.DropCombatantsAsync, "dropped")),
        Spec("pause", "pause", "stop the game's clock", _ => Outcome(Master.SetPausedAsync(true), "paused")),
        Spec("resume", "resume", "restart the game's clock", _ => Outcome(Master.SetPausedAsync(false), "resumed")),
        Spec("answer-all", "answer-all", "let the host roll every waiting roll and save, whoever it waits for", _ => AnswerAll()),
        Spec("kick", "kick USER", "end a user's session", c => OneUser(c, user => Outcome(Master.KickUserAsync(user), $"{user} kicked"))),
        Spec("disable", "disable USER", "disable a user (and end their session)", c => OneUser(c, user => Outcome(Master.DisableUserAsync(user, true), $"{user} disabled"))),
        Spec("enable", "enable USER", "enable a user again", c => OneUser(c, user => Outcome(Master.DisableUserAsync(user, false), $"{user} enabled"))),
        Spec("allow-dice", "allow-dice USER on|off", "let a user type physical dice totals", AllowDice),
        Spec("edit", "edit NAME hp=N at=X,Y name=NEW", "change a creature (refused if it changed since read)", Edit),
        Spec("create-player", "create-player USER", "make a player user; prints the one-time code and invite to hand them", c => OneUser(c, user => HandOut(Master.CreatePlayerAsync(user), "player created"))),
        Spec("reset-password", "reset-password USER", "replace a user's password with a one-time code to hand them", c => OneUser(c, user => HandOut(Master.ResetPasswordAsync(user), "password reset: the old one no longer works"))),
        Spec("invite", "invite USER", "the invite to hand a user: the host's address and certificate, never a password", c => OneUser(c, Invite)),
        Spec("snapshot", "snapshot NAME", "save a named snapshot of the game", c => OneUser(c, name => Outcome(Master.SaveSnapshotAsync(name), $"snapshot {name} saved; start a new game from it with: --campaign {name}"))),
    ];

    private static CommandSpec Spec(string name, string usage, string help, Func<ParsedCommand, Task<CommandResult>> run) =>
        CommandSpec.Of(name, usage, help, run, masterOnly: true);

    private async Task<CommandResult> WithCreatures(ParsedCommand command, Func<List<Guid>, Task<ResultInfo>> call, string done)
    {
        if (command.CommaList.Count == 0)
            return CommandResult.Failed($"{command.Name} needs creature names separated by commas");
        var ids = new List<Guid>();
        foreach (var name in command.CommaList)
        {
            var found = await ResolveAsync(name).ConfigureAwait(false);
            if (!found.Ok)
                return CommandResult.Failed(found.Error!);
            ids.Add(found.Id);
        }
        return await Outcome(call(ids), $"{done}: {string.Join(", ", ids.Select(session.Names.NameOf))}").ConfigureAwait(false);
    }

    private async Task<CommandResult> AnswerAll()
    {
        var prompts = await session.Client.Game.GetPrerequisitesAsync(null).ConfigureAwait(false);
        var rolls = prompts.Where(p => p.Kind is "Roll" or "SavingThrow").ToList();
        if (rolls.Count == 0)
            return CommandResult.Done("no rolls are waiting");
        var results = await Master.AnswerPrerequisitesAsync(rolls.Select(p => new AnswerInfo { Prerequisite = p.Id, Step = p.Step }).ToList()).ConfigureAwait(false);
        var lines = results.Zip(rolls, (result, prompt) => result.Accepted ? $"rolled: {prompt.Prompt}" : $"refused: {prompt.Prompt}: {result.Error}").ToList();
        return new CommandResult(results.All(r => r.Accepted), lines);
    }

    private Task<CommandResult> AllowDice(ParsedCommand command)
    {
        if (command.Args.Count != 2 || command.Args[1].ToLowerInvariant() is not ("on" or "off"))
            return Task.FromResult(CommandResult.Failed("allow-dice USER on|off"));
        var on = command.Args[1].Equals("on", StringComparison.OrdinalIgnoreCase);
        return Outcome(Master.AllowPhysicalDiceAsync(command.Args[0], on), $"physical dice {(on ? "allowed" : "withdrawn")} for {command.Args[0]}");
    }

    private async Task<CommandResult> Edit(ParsedCommand command)
    {
        var settings = command.Args.Where(a => a.Contains('=')).ToList();
        var name = string.Join(' ', command.Args.Where(a => !a.Contains('=')));
        if (name.Length == 0 || settings.Count == 0)
            return CommandResult.Failed("edit NAME hp=N at=X,Y name=NEW");
        var found = await ResolveAsync(name).ConfigureAwait(false);
        if (!found.Ok)
            return CommandResult.Failed(found.Error!);
        var current = await session.Client.Game.GetCreatureAsync(found.Id).ConfigureAwait(false);
        var edit = new CreatureEditInfo { Id = found.Id, ExpectedVersion = current.Version };
        foreach (var setting in settings)
        {
            var (key, value) = (setting[..setting.IndexOf('=')].ToLowerInvariant(), setting[(setting.IndexOf('=') + 1)..]);
            switch (key)
            {
                case "hp" when int.TryParse(value, out var hp):
                    edit.HitPoints = hp;
                    break;
                case "at" when value.Split(',') is [var x, var y] && int.TryParse(x, out var ex) && int.TryParse(y, out var ey):
                    (edit.X, edit.Y) = (ex, ey);
                    break;
                case "name" when value.Trim().Length > 0:
                    edit.Name = value.Trim();
                    break;
                default:
                    return CommandResult.Failed($"cannot read '{setting}': use hp=N, at=X,Y or name=NEW");
            }
        }
        var changed = await Master.EditCreatureAsync(edit).ConfigureAwait(false);
        session.Names.Learn(changed.Id, changed.Name);
        return CommandResult.Done($"{changed.Name}: {changed.HitPoints}/{changed.MaxHitPoints} hp at ({changed.X},{changed.Y})");
    }

    /// <summary>A new code with the invite it goes with, as the game master passes them on (the code in private).</summary>
    private async Task<CommandResult> HandOut(Task<OneTimeCodeInfo> making, string done)
    {
        var code = await making.ConfigureAwait(false);
        var invite = await Master.GetInviteAsync(code.UserName).ConfigureAwait(false);
        return CommandResult.Done(
            $"{code.UserName}: {done}",
            $"one-time code: {code.Code} (works once, until {code.Expires:yyyy-MM-dd HH:mm} UTC)",
            $"invite: {invite.Link}",
            $"{code.UserName} joins with the invite and types the code as their password, then chooses their own.");
    }

    private async Task<CommandResult> Invite(string user)
    {
        var invite = await Master.GetInviteAsync(user).ConfigureAwait(false);
        return CommandResult.Done(invite.Link, invite.Fingerprint is null
            ? "(this host serves plain net.tcp there: the invite carries no certificate fingerprint)"
            : $"(the host's certificate: {invite.Fingerprint})");
    }

    private static Task<CommandResult> OneUser(ParsedCommand command, Func<string, Task<CommandResult>> run) =>
        command.Args.Count == 1 ? run(command.Args[0]) : Task.FromResult(CommandResult.Failed($"usage: {command.Name} NAME"));

    /// <summary>A call's result as the command's: done, or the host's reason for refusing it.</summary>
    internal static async Task<CommandResult> Outcome(Task<ResultInfo> call, string done)
    {
        var result = await call.ConfigureAwait(false);
        return result.Accepted ? CommandResult.Done(done) : CommandResult.Failed(result.Error ?? "refused");
    }

    private Task<Resolution> ResolveAsync(string name) => ResolveAsync(session, name);

    /// <summary>A creature by name, learning the names of every creature from the master's view when it is not known yet.</summary>
    internal static async Task<Resolution> ResolveAsync(GameSession session, string name)
    {
        var found = session.Names.Resolve(name);
        if (found.Ok)
            return found;
        session.Names.Learn((await session.Client.Views.WholeMapAsync().ConfigureAwait(false)).Creatures);
        return session.Names.Resolve(name);
    }
}
