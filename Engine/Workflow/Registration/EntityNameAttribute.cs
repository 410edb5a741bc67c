namespace Ikosa.Engine.Workflow.Registration;

/// <summary>
/// The stable name an entity type is stored under. Putting the name on the type itself lets a rule
/// author add a step or prerequisite in one file: <see cref="EntityNames.RegisterAll"/> finds it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EntityNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
