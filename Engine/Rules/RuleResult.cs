using Ikosa.Engine.Model;

namespace Ikosa.Engine.Rules;

/// <summary>The outcome of a request to the rules: done (perhaps starting a process), or refused with a reason and nothing changed.</summary>
public sealed record RuleResult(bool Ok, string? Error, EntityId? Process = null)
{
    public static RuleResult Done(EntityId? process = null) => new(true, null, process);

    public static RuleResult Refused(string error) => new(false, error);
}
