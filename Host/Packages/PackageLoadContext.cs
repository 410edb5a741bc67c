using System.Reflection;
using System.Runtime.Loader;

namespace Ikosa.Host.Packages;

/// <summary>
/// Where a rule package's assemblies load: its own context, so its private dependencies do not meet the host's, while
/// every assembly the host itself has (the engine, the contracts, the framework) is the host's one copy — the package's
/// steps must be the engine's Entity, its contracts the host's NotificationInfo.
/// </summary>
internal sealed class PackageLoadContext : AssemblyLoadContext
{
    private static readonly Lazy<HashSet<string>> HostAssemblies = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _folder;

    public PackageLoadContext(string mainAssembly) : base($"rules:{Path.GetFileNameWithoutExtension(mainAssembly)}")
    {
        _resolver = new AssemblyDependencyResolver(mainAssembly);
        _folder = Path.GetDirectoryName(mainAssembly)!;
    }

    /// <summary>True for an assembly the host provides: a package gets the host's copy.</summary>
    private static bool HostProvides(string assemblyName) => HostAssemblies.Value.Contains(assemblyName);

    protected override Assembly? Load(AssemblyName name)
    {
        if (name.Name is null || HostProvides(name.Name))
            return null;
        var path = _resolver.ResolveAssemblyToPath(name) ?? Path.Combine(_folder, name.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
