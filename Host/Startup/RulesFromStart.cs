using Ikosa.Engine.Packages;
using Ikosa.Host.Packages;

namespace Ikosa.Host.Startup;

/// <summary>
/// The rules the host starts with: the packages of its configuration file, then those of --rules, loaded and checked
/// before the game file is touched; a refusal is one line naming the package and the clash.
/// </summary>
public sealed record RulesFromStart(RuleSet Rules, IReadOnlyList<string> Listing)
{
    /// <exception cref="HostStartException">a package cannot be loaded or clashes</exception>
    /// <param name="config">the host's configuration file, when it has one</param>
    public static RulesFromStart Load(FileInfo? config, IEnumerable<string> commandLine)
    {
        var paths = (config is { Exists: true } ? RulesConfiguration.Read(config.FullName) : []).Concat(commandLine).ToList();
        try
        {
            var loaded = RulePackageLoader.Load(paths);
            var rules = HostRules.Create(loaded.Select(l => l.Package));
            return new RulesFromStart(rules, [.. HostRules.Describe(rules, loaded)]);
        }
        catch (RulePackageException error)
        {
            throw new HostStartException($"Cannot start: {error.Message}", exitCode: 3);
        }
    }
}
