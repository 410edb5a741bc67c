using System.Reflection;

namespace Ikosa.Tests.Support;

/// <summary>
/// Other projects' own build outputs, as Ikosa.Tests.csproj records their paths (the project references build them): run or
/// loaded from there as a player or a host would, not from the tests' folder.
/// </summary>
public static class BuildOutputs
{
    /// <summary>The terminal client app, beside its own dependencies and runtimeconfig (base .NET runtime only).</summary>
    public static string ClientDll => Of("ClientDll");

    /// <summary>The sample rule package, as the host loads it.</summary>
    public static string ShovePackageDll => Of("ShovePackageDll");

    private static string Of(string key) =>
        typeof(BuildOutputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
