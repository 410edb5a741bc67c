using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Events;
using Ikosa.Engine.Workflow.Prerequisites;
using Ikosa.Engine.Workflow.Processes;
using Ikosa.Engine.Workflow.Registration;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Engine.Rules.Mastering;

/// <summary>
/// A check a master asked for: the creature's player is asked to roll (<see cref="CheckPrerequisite"/>); the outcome goes
/// to the masters, and to the player too unless the difficulty is secret.
/// </summary>
[EntityName("rules.step.check")]
public sealed record CheckStep(EntityId Id, EntityId Creature, string Check, string Expression, int Difficulty, bool Secret, bool IsSave) : CoreStep(Id)
{
    public override string Describe() => Check;

    public override IEnumerable<StepPrerequisite> Plan(StepContext context)
    {
        yield return new CheckPrerequisite(EntityId.New())
        {
            BindKey = "check",
            Fulfiller = Creature,
            Expression = Expression,
            Purpose = Check,
            // What the player reads: the difficulty only when it is not a secret.
            Text = Secret ? $"the game master asks for a {Check}" : $"the game master asks for a {Check} (DC {Difficulty})",
            Difficulty = Difficulty,
            Secret = Secret,
            IsSave = IsSave,
        };
    }

    public override void Run(StepContext context)
    {
        var check = context.Prerequisite<CheckPrerequisite>("check");
        var outcome = new CheckResolved(Creature, Check, check.Total ?? 0, Difficulty, check.Succeeded == true, Secret);
        context.Notify(Secret ? GameMasters.Of(context) : Control.RecipientsFor(context, Creature), outcome);
    }
}
