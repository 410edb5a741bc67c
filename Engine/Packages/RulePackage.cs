namespace Ikosa.Engine.Packages;

/// <summary>
/// A rule package: what a developer adds to the game without touching the host — entity types (steps, processes,
/// prerequisites, state), actions and notifications with their contracts. The host loads its assembly (--rules PATH),
/// makes its one public RulePackage with a parameterless constructor, and calls <see cref="Register"/> once at start.
/// </summary>
public abstract class RulePackage
{
    /// <summary>
    /// The package's name: lower-case letters, digits and dashes. Its entity names start with it and a dot
    /// ("shove.step"), so a saved game names the package its entities need; campaigns list it under <c>rules:</c>.
    /// </summary>
    public abstract string Name { get; }

    /// <summary>One line for the host's start-up listing.</summary>
    public virtual string Description => "";

    /// <summary>Declares the package's entity types, actions and notification contracts.</summary>
    public abstract void Register(RulePackageBuilder package);

    public override string ToString() => $"rule package '{Name}'";
}
