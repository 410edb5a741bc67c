using Ikosa.Engine.Packages;

namespace Ikosa.Host.Packages;

/// <summary>A rule package the host loaded, and the file it came from.</summary>
public sealed record LoadedPackage(RulePackage Package, string Path);
