using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Commands;

/// <summary>The game master's commands: combat, pausing, answering any prompt, editing creatures, users, snapshots.</summary>
public sealed class MasterCommands(GameSession session)
{
    private IMasterService Master => session.Client.Master ?? throw new InvalidOperationException("not a master session");

    public IEnumerable<CommandSpec> Specs() =>
    [
        Spec("start-combat", "start-combat NAME, NAME, ...", "start combat with these creatures", c => WithCreatures(c, ids => Master.StartCombat(ids), "combat started")),
        Spec("stop-combat", "stop-combat", "end combat", _ => Outcome(Master.StopCombat(), "combat stopped")),
        Spec("add-combatants", "add-combatants NAME, ...", "bring creatures into the fight", c => WithCreatures(c, ids => Master.AddCombatants(ids), "added")),
        Spec("drop-combatants", "drop-combatants NAME, ...", "take creatures out of the fight", c => WithCreatures(c, ids => Master.DropCombatants(ids), "dropped")),
        Spec("pause", "pause", "stop the game's clock", _ => Outcome(Master.SetPaused(true), "paused")),
        Spec("resume", "resume", "restart the game's clock", _ => Outcome(Master.SetPaused(false), "resumed")),
        Spec("answer-all", "answer-all", "let the host roll every waiting roll and save, whoever it waits for", _ => AnswerAll()),
        Spec("kick", "kick USER", "end a user's session", c => OneUser(c, user => Outcome(Master.KickUser(user), $"{user} kicked"))),
        Spec("disable", "disable USER", "disable a user (and end their session)", c => OneUser(c, user => Outcome(Master.DisableUser(user, true), $"{user} disabled"))),
        Spec("enable", "enable USER", "enable a user again", c => OneUser(c, user => Outcome(Master.DisableUser(user, false), $"{user} enabled"))),
        Spec("allow-dice", "allow-dice USER on|off", "let a user type physical dice totals", AllowDice),
        Spec("edit", "edit NAME hp=N at=X,Y name=NEW", "change a creature (refused if it changed since read)", Edit),
        Spec("snapshot", "snapshot NAME", "save a named snapshot of the game", c => OneUser(c, name => Outcome(Master.SaveSnapshot(name), $"snapshot {name} saved; start a new game from it with: --campaign {name}"))),
    ];

    private static CommandSpec Spec(string name, string usage, string help, Func<ParsedCommand, CommandResult> run) =>
        CommandSpec.Sync(name, usage, help, run, masterOnly: true);

    private CommandResult WithCreatures(ParsedCommand command, Func<List<Guid>, ResultInfo> call, string done)
    {
        if (command.CommaList.Count == 0)
            return CommandResult.Failed($"{command.Name} needs creature names separated by commas");
        var ids = new List<Guid>();
        foreach (var name in command.CommaList)
        {
            var found = Resolve(name);
            if (!found.Ok)
                return CommandResult.Failed(found.Error!);
            ids.Add(found.Id);
        }
        return Outcome(call(ids), $"{done}: {string.Join(", ", ids.Select(session.Names.NameOf))}");
    }

    private CommandResult AnswerAll()
    {
        var rolls = session.Client.Game.GetPrerequisites(null).Where(p => p.Kind is "Roll" or "SavingThrow").ToList();
        if (rolls.Count == 0)
            return CommandResult.Done("no rolls are waiting");
        var results = Master.AnswerPrerequisites(rolls.Select(p => new AnswerInfo { Prerequisite = p.Id, Step = p.Step }).ToList());
        var lines = results.Zip(rolls, (result, prompt) => result.Accepted ? $"rolled: {prompt.Prompt}" : $"refused: {prompt.Prompt}: {result.Error}").ToList();
        return new CommandResult(results.All(r => r.Accepted), lines);
    }

    private CommandResult AllowDice(ParsedCommand command)
    {
        if (command.Args.Count != 2 || command.Args[1].ToLowerInvariant() is not ("on" or "off"))
            return CommandResult.Failed("allow-dice USER on|off");
        var on = command.Args[1].Equals("on", StringComparison.OrdinalIgnoreCase);
        return Outcome(Master.AllowPhysicalDice(command.Args[0], on), $"physical dice {(on ? "allowed" : "withdrawn")} for {command.Args[0]}");
    }

    private CommandResult Edit(ParsedCommand command)
    {
        var settings = command.Args.Where(a => a.Contains('=')).ToList();
        var name = string.Join(' ', command.Args.Where(a => !a.Contains('=')));
        if (name.Length == 0 || settings.Count == 0)
            return CommandResult.Failed("edit NAME hp=N at=X,Y name=NEW");
        var found = Resolve(name);
        if (!found.Ok)
            return CommandResult.Failed(found.Error!);
        var current = session.Client.Game.GetCreature(found.Id);
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
        var changed = Master.EditCreature(edit);
        session.Names.Learn(changed.Id, changed.Name);
        return CommandResult.Done($"{changed.Name}: {changed.HitPoints}/{changed.MaxHitPoints} hp at ({changed.X},{changed.Y})");
    }

    private static CommandResult OneUser(ParsedCommand command, Func<string, CommandResult> run) =>
        command.Args.Count == 1 ? run(command.Args[0]) : CommandResult.Failed($"usage: {command.Name} NAME");

    private static CommandResult Outcome(ResultInfo result, string done) =>
        result.Accepted ? CommandResult.Done(done) : CommandResult.Failed(result.Error ?? "refused");

    private Resolution Resolve(string name)
    {
        var found = session.Names.Resolve(name);
        if (found.Ok)
            return found;
        session.Names.Learn(session.Client.Visualization.GetMasterView().Creatures);
        return session.Names.Resolve(name);
    }
}
