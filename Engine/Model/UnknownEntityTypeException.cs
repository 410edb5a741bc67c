namespace Ikosa.Engine.Model;

/// <summary>
/// A stored entity's type name is not registered: it belongs to a rule package that is not loaded (the part of the name
/// before its first dot, by the packages' naming rule), or to another build of the host.
/// </summary>
public sealed class UnknownEntityTypeException(string typeName)
    : InvalidOperationException($"unknown entity type name '{typeName}' (not registered in this build, or of rule package '{PackageOf(typeName)}' which is not loaded)")
{
    public string TypeName { get; } = typeName;

    /// <summary>The rule package the name belongs to by its prefix ("shove.step": "shove").</summary>
    public string Package => PackageOf(TypeName);

    private static string PackageOf(string typeName) => typeName.Split('.')[0];
}
