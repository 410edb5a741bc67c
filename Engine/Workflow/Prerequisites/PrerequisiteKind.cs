namespace Ikosa.Engine.Workflow.Prerequisites;

/// <summary>What sort of prompt a prerequisite is, for the host to pick the right dialog.</summary>
public enum PrerequisiteKind
{
    Roll,
    SavingThrow,
    Choice,
    SelectTargets,
    YesNo,
    Number,
    ActNow,
}
