namespace Ikosa.Engine.Rules.Creatures;

/// <summary>The d20 size categories. Every creature still fills one square here; size changes armor class and attack rolls.</summary>
public enum CreatureSize
{
    Fine,
    Diminutive,
    Tiny,
    Small,
    Medium,
    Large,
    Huge,
    Gargantuan,
    Colossal,
}

public static class CreatureSizes
{
    /// <summary>The size modifier to armor class and attack rolls (SRD): Small +1, Large -1, and so on.</summary>
    public static int Modifier(this CreatureSize size) => size switch
    {
        CreatureSize.Fine => 8,
        CreatureSize.Diminutive => 4,
        CreatureSize.Tiny => 2,
        CreatureSize.Small => 1,
        CreatureSize.Large => -1,
        CreatureSize.Huge => -2,
        CreatureSize.Gargantuan => -4,
        CreatureSize.Colossal => -8,
        _ => 0,
    };
}
