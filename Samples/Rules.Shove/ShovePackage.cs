using Ikosa.Contracts;
using Ikosa.Engine.Packages;

namespace Ikosa.Rules.Shove;

/// <summary>The package: what the host registers when it loads this DLL (ikosa-host --rules PATH).</summary>
public sealed class ShovePackage : RulePackage
{
    public override string Name => "shove";

    public override string Description => "push an adjacent creature a square away with an opposed Strength check";

    public override void Register(RulePackageBuilder package) => package
        .Entity<ShoveStep>()
        .Action(new ShoveAction())
        .Notification<Shoved, ShovedInfo>(n => new()
        {
            Shover = n.Shover.Value, Target = n.Target.Value, Moved = n.Moved, At = new PointInfo { X = n.At.X, Y = n.At.Y },
            Entities = [n.Shover.Value, n.Target.Value],
        });
}
