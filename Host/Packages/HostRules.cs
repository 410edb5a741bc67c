using Ikosa.Contracts;
using Ikosa.Engine.Packages;
using Ikosa.Host.Campaigns;
using Ikosa.Host.Game;
using Ikosa.Host.Mapping;
using Ikosa.Host.Users;

namespace Ikosa.Host.Packages;

/// <summary>
/// The rules a host plays with: the standard rules, the host's own entity types and notification contracts, and the
/// rule packages it loaded. A package is refused (naming it and the clash) when it clashes with anything before it, or
/// when a notification contract of its is not a data contract deriving from <see cref="NotificationInfo"/>.
/// </summary>
public static class HostRules
{
    /// <exception cref="RulePackageException">a package is refused</exception>
    public static RuleSet Create(IEnumerable<RulePackage>? packages = null)
    {
        var rules = RuleSet.Standard();
        rules.Types
            .Register<UserAccount>(UserAccount.TypeName)
            .Register<ExploredCells>(ExploredCells.TypeName)
            .Register<CampaignHeader>(CampaignHeader.TypeName);
        rules.Notifications.Add(StandardNotifications.Contracts());
        foreach (var package in packages ?? [])
        {
            rules.Add(package);
            CheckContracts(package, rules.DeclarationsOf(package).Notifications.Contracts.Values);
        }
        NotificationContractTypes(rules); // two packages' contracts may not share a data contract name
        return rules;
    }

    /// <summary>The loaded packages' notification contracts: what batches may carry beyond <see cref="BatchInfo"/>'s known types.</summary>
    public static IReadOnlyList<Type> NotificationContractTypes(RuleSet rules)
    {
        var types = rules.Packages.SelectMany(p => rules.DeclarationsOf(p).Notifications.Contracts.Values).Distinct().ToList();
        try
        {
            _ = new NotificationResolver(types);
        }
        catch (ArgumentException error)
        {
            throw new RulePackageException($"notification contracts clash: {error.Message}", error);
        }
        return types;
    }

    private static void CheckContracts(RulePackage package, IEnumerable<Type> contracts)
    {
        foreach (var contract in contracts)
        {
            if (!typeof(NotificationInfo).IsAssignableFrom(contract) || contract.IsAbstract)
                throw new RulePackageException($"{package}: notification contract {contract.FullName} must be a concrete class deriving from Ikosa.Contracts.NotificationInfo.");
            if (!contract.IsDefined(typeof(System.Runtime.Serialization.DataContractAttribute), inherit: false))
                throw new RulePackageException($"{package}: notification contract {contract.FullName} has no [DataContract]; give it one with the package's own Namespace.");
        }
    }

    /// <summary>The start-up listing: one line per package, with what it brought.</summary>
    public static IEnumerable<string> Describe(RuleSet rules, IReadOnlyList<LoadedPackage> loaded) =>
        loaded.Select(l =>
        {
            var declared = rules.DeclarationsOf(l.Package);
            var parts = new List<string>();
            if (declared.Actions.Count > 0) parts.Add($"actions {string.Join(", ", declared.Actions.Select(a => a.Key))}");
            if (declared.Entities.Count > 0) parts.Add($"entities {string.Join(", ", declared.Entities.Select(e => e.Name))}");
            if (declared.Notifications.Contracts.Count > 0)
                parts.Add($"notifications {string.Join(", ", declared.Notifications.Contracts.Select(c => $"{c.Key.Name} ({c.Value.Name})"))}");
            var description = l.Package.Description is { Length: > 0 } d ? $" — {d}" : "";
            return $"Rule package {l.Package.Name}{description} ({l.Path}): {string.Join("; ", parts)}";
        });
}
