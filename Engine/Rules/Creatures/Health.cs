namespace Ikosa.Engine.Rules.Creatures;

/// <summary>The d20 states of hit points: above 0 fine, at 0 disabled, -1 to -9 dying, -10 or less dead.</summary>
public enum Health
{
    Conscious,
    Disabled,
    Dying,
    Dead,
}
