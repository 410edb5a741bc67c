using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Ikosa.Engine.Packages;

namespace Ikosa.Host.Packages;

/// <summary>
/// Loads rule packages from --rules paths: a package's DLL, or a folder whose DLLs are searched for packages (the others
/// are their dependencies). Each DLL holds exactly one public RulePackage with a parameterless constructor. Anything
/// that does not load is refused naming the file and why.
/// </summary>
public static class RulePackageLoader
{
    /// <exception cref="RulePackageException">a path is missing, not a .NET assembly, or a type in it does not load</exception>
    public static IReadOnlyList<LoadedPackage> Load(IEnumerable<string> paths)
    {
        var loaded = new List<LoadedPackage>();
        foreach (var path in paths.Select(Path.GetFullPath))
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.dll")
                    .Where(DeclaresRulePackage)
                    .Order(StringComparer.Ordinal)
                    .Select(LoadFile)
                    .ToList();
                if (found.Count == 0)
                    throw new RulePackageException($"--rules {path}: the folder holds no rule package (a DLL with a public RulePackage class).");
                loaded.AddRange(found);
            }
            else if (File.Exists(path))
                loaded.Add(LoadFile(path));
            else
                throw new RulePackageException($"--rules {path}: there is no such file or folder; give a rule package's DLL or its folder.");
        }
        return loaded;
    }

    /// <summary>
    /// Whether a DLL of a folder defines a RulePackage, read from its metadata without loading it: the folder's other DLLs
    /// (its dependencies, native libraries) are left to the packages that need them.
    /// </summary>
    private static bool DeclaresRulePackage(string dll)
    {
        try
        {
            using var stream = File.OpenRead(dll);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return false;
            var metadata = pe.GetMetadataReader();
            return metadata.TypeDefinitions.Any(t => DerivesFromRulePackage(metadata, metadata.GetTypeDefinition(t), depth: 0));
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static bool DerivesFromRulePackage(MetadataReader metadata, TypeDefinition type, int depth)
    {
        var baseType = type.BaseType;
        if (baseType.IsNil || depth > 16) return false;
        return baseType.Kind switch
        {
            HandleKind.TypeReference => metadata.GetTypeReference((TypeReferenceHandle)baseType) is var reference
                                        && metadata.StringComparer.Equals(reference.Name, nameof(RulePackage))
                                        && metadata.StringComparer.Equals(reference.Namespace, typeof(RulePackage).Namespace!),
            HandleKind.TypeDefinition => DerivesFromRulePackage(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)baseType), depth + 1),
            _ => false,
        };
    }

    private static LoadedPackage LoadFile(string dll)
    {
        Assembly assembly;
        Type[] types;
        try
        {
            assembly = new PackageLoadContext(dll).LoadFromAssemblyPath(dll);
            types = assembly.GetExportedTypes();
        }
        catch (BadImageFormatException error)
        {
            throw new RulePackageException($"rule package {dll}: not a .NET assembly ({error.Message}).", error);
        }
        catch (Exception error) when (error is FileLoadException or FileNotFoundException or TypeLoadException or ReflectionTypeLoadException)
        {
            throw new RulePackageException($"rule package {dll}: a type does not load: {Describe(error)} Build the package against this host's Ikosa.Engine and Ikosa.Contracts.", error);
        }
        var packages = types.Where(t => t.IsSubclassOf(typeof(RulePackage)) && !t.IsAbstract).ToList();
        if (packages.Count == 0)
            throw new RulePackageException($"rule package {dll}: no public class derives from RulePackage.");
        if (packages.Count > 1)
            throw new RulePackageException($"rule package {dll}: {packages.Count} RulePackage classes ({string.Join(", ", packages.Select(p => p.Name))}); a DLL holds one.");
        try
        {
            return new LoadedPackage((RulePackage)Activator.CreateInstance(packages[0])!, dll);
        }
        catch (Exception error) when (error is MissingMethodException or TargetInvocationException or TypeLoadException or FileNotFoundException)
        {
            throw new RulePackageException($"rule package {dll}: {packages[0].Name} cannot be made: {Describe(error)}", error);
        }
    }

    private static string Describe(Exception error) => error switch
    {
        ReflectionTypeLoadException load => string.Join("; ", load.LoaderExceptions.OfType<Exception>().Select(e => e.Message).Distinct()),
        TargetInvocationException { InnerException: { } inner } => inner.Message,
        _ => error.Message,
    };
}
