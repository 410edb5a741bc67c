using Ikosa.Engine.Model;
using Ikosa.Engine.Packages;
using Ikosa.Engine.Rules.Actions;
using Ikosa.Engine.Rules.Turns;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Tests.Host;

// Small rule packages for the host's checks: each declares one thing that clashes, or works as a package should.

/// <summary>An action whose only step throws: how a rule's bug reaches the masters (StepFailed).</summary>
public sealed class FumblePackage : RulePackage
{
    public override string Name => "fumble";

    public override void Register(RulePackageBuilder package) => package.Entity<FumbleStep>().Action(new FumbleAction());
}

public sealed class FumbleAction : CoreAction
{
    public override string Key => "fumble";

    public override string DisplayName => "Fumble";

    public override ActionTime Time => ActionTime.Standard;

    public override bool IsHarmless => true;

    public override string? Check(ActionContext context, CoreActivity activity) => null;

    public override IEnumerable<CoreStep> Steps(ActionContext context, CoreActivity activity) => [new FumbleStep(EntityId.New(), context.Actor.Id)];
}

[EntityName("fumble.step")]
public sealed record FumbleStep(EntityId Id, EntityId Creature) : CoreStep(Id)
{
    public override string Describe() => "fumble";

    public override void Run(StepContext context) => throw new InvalidOperationException("the fumble table is missing");
}

/// <summary>Declares an action under a key given to it.</summary>
public class KeyPackage(string name, string key) : RulePackage
{
    public override string Name => name;

    public override void Register(RulePackageBuilder package) => package.Action(new NamedAction(key));
}

public sealed class NamedAction(string key) : CoreAction
{
    public override string Key => key;

    public override string DisplayName => key;

    public override ActionTime Time => ActionTime.Standard;

    public override string? Check(ActionContext context, CoreActivity activity) => null;

    public override IEnumerable<CoreStep> Steps(ActionContext context, CoreActivity activity) => [];
}

/// <summary>Declares two entity types under one name.</summary>
public sealed class TwiceNamedPackage : RulePackage
{
    public override string Name => "twice";

    public override void Register(RulePackageBuilder package) => package.Entity<FumbleStep>("twice.step").Entity<OtherStep>("twice.step");
}

/// <summary>Named "rules", and declares the standard move step's name for a type of its own.</summary>
public sealed class StandardNamePackage : RulePackage
{
    public override string Name => "rules";

    public override void Register(RulePackageBuilder package) => package.Entity<OtherStep>("rules.step.move");
}

public sealed record OtherStep(EntityId Id) : CoreStep(Id)
{
    public override void Run(StepContext context)
    {
    }
}
