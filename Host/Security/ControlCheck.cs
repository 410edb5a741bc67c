using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Users;
using Ikosa.ServiceModel;

namespace Ikosa.Host.Security;

/// <summary>
/// The <see cref="Access.ControlsCreature"/> rule of one call, checked inside the operation's own transaction (every
/// transaction the operation enters runs it first), so that authorizing costs no second trip into the engine and the
/// answer cannot change between the check and the work.
/// </summary>
public sealed class ControlCheck(Actor actor, EntityId creature, Func<FaultException> denied)
{
    private static readonly AsyncLocal<ControlCheck?> s_current = new();

    /// <summary>The check of the call running on this async flow, or null when it has none.</summary>
    public static ControlCheck? Current
    {
        get => s_current.Value;
        internal set => s_current.Value = value;
    }

    /// <summary>True once the check passed in a transaction of the operation.</summary>
    public bool HasRun { get; private set; }

    /// <summary>Throws the AccessDeniedFault unless the actor controls the creature (or is a master).</summary>
    public void Run(IModelReader reader)
    {
        if (!Control.MayAct(reader, actor, creature))
            throw denied();
        HasRun = true;
    }
}
