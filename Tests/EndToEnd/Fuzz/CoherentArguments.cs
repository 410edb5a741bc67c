using FsCheck;
using FsCheck.Fluent;
using Ikosa.Contracts;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Workflow.Prerequisites;

namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>
/// Well-formed arguments whose members agree with each other and with the game, as a real client sends them: an
/// action on offer with targets aimed as it asks, an answer to a prompt waiting for the caller, an edit of a creature
/// at its current version. Built member by member, these would almost never be accepted, and the fuzz would not reach
/// the rules behind the checks.
/// </summary>
public sealed class CoherentArguments(FuzzWorld world)
{
    private static readonly (int X, int Y)[] Steps = [(-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)];

    /// <summary>The generator for <paramref name="contract"/>, or null when it has none or the game offers nothing to build one from.</summary>
    public Gen<Fuzzed>? For(Type contract) => contract switch
    {
        _ when contract == typeof(ActivityInfo) && world.Actions.Count > 0 => Gen.Elements(world.Actions.ToArray()).SelectMany(Activity),
        _ when contract == typeof(AnswerInfo) && world.Prompts.Any(p => p.Yours) => Gen.Elements(world.Prompts.Where(p => p.Yours).ToArray()).SelectMany(Answer),
        _ when contract == typeof(CreatureEditInfo) && world.Yours.Any() => Gen.Elements(world.Yours.ToArray()).SelectMany(Edit),
        _ => null,
    };

    private Gen<Fuzzed> Activity(FuzzWorld.Offer offer) =>
        Gen.CollectToList(offer.Aiming, aim => Target(offer, aim)).Select(targets =>
            Made(new ActivityInfo { Creature = offer.Creature, ActionKey = offer.Key, Targets = targets.ToList() }));

    private static Gen<TargetInfo> Target(FuzzWorld.Offer offer, AimingMode aim) => aim.Kind switch
    {
        AimKind.Creature => Gen.Choose(aim.Min, Math.Max(aim.Min, Math.Min(aim.Max, aim.Candidates.Count)))
            .SelectMany(count => Gen.Shuffle(aim.Candidates.ToArray()).Select(c => c.Take(count).Select(id => id.Value).ToList()))
            .Select(creatures => new TargetInfo { Key = aim.Key, Creatures = creatures }),
        AimKind.Cell => Gen.Zip(Gen.Choose(-3, 3), Gen.Choose(-3, 3))
            .Select(d => new TargetInfo { Key = aim.Key, Cells = [new PointInfo { X = offer.X + d.Item1, Y = offer.Y + d.Item2 }] }),
        _ => Gen.Choose(1, 4).SelectMany(length => Gen.Elements(Steps).ListOf(length))
            .Select(walk => new TargetInfo { Key = aim.Key, Cells = Path(offer.X, offer.Y, walk) }),
    };

    private static List<PointInfo> Path(int x, int y, IEnumerable<(int X, int Y)> walk) =>
        walk.Select(step => new PointInfo { X = x += step.X, Y = y += step.Y }).ToList();

    private Gen<Fuzzed> Answer(FuzzWorld.Prompt prompt)
    {
        AnswerInfo To(int? number = null, string? choice = null, List<Guid>? targets = null, bool? yes = null) =>
            new() { Prerequisite = prompt.Id, Step = prompt.Step, Number = number, Choice = choice, Targets = targets ?? [], Yes = yes };
        var answer = prompt.Kind switch
        {
            // A roll is the host's unless the player enters physical dice.
            PrerequisiteKind.Roll or PrerequisiteKind.SavingThrow => Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 20).Select(n => (int?)n))
                .Select(number => To(number: number)),
            PrerequisiteKind.Choice => Gen.Elements(prompt.Options.DefaultIfEmpty("none").ToArray()).Select(choice => To(choice: choice)),
            PrerequisiteKind.SelectTargets => Gen.Choose(prompt.Min, Math.Max(prompt.Min, Math.Min(prompt.Max, prompt.Candidates.Count)))
                .SelectMany(count => Gen.Shuffle(prompt.Candidates.ToArray()).Select(c => To(targets: c.Take(count).ToList()))),
            PrerequisiteKind.YesNo => Gen.Elements(true, false).Select(yes => To(yes: yes)),
            PrerequisiteKind.Number => Gen.Choose(prompt.Min, Math.Max(prompt.Min, prompt.Max)).Select(number => To(number: number)),
            _ => Gen.Elements("Delay", "EndTurn").Select(choice => To(choice: choice)),
        };
        return answer.Select(Made);
    }

    private Gen<Fuzzed> Edit(FuzzWorld.CreatureSeen creature) =>
        Gen.Zip(
                Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(-10, creature.MaxHitPoints).Select(hp => (int?)hp)),
                Gen.OneOf(Gen.Constant<(int, int)?>(null), Gen.Zip(Gen.Choose(-2, 2), Gen.Choose(-2, 2)).Select(d => ((int, int)?)(creature.X + d.Item1, creature.Y + d.Item2))))
            .Select(change => Made(new CreatureEditInfo
            {
                Id = creature.Id,
                ExpectedVersion = creature.Version,
                HitPoints = change.Item1,
                X = change.Item2?.Item1,
                Y = change.Item2?.Item2,
            }));

    private Fuzzed Made(object value) => new(value, ArgumentKind.Valid, ArgumentText.Show(value, world));
}
