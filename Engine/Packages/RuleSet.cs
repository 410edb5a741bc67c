using System.Text.RegularExpressions;
using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Rules;
using Ikosa.Engine.Rules.Actions;

namespace Ikosa.Engine.Packages;

/// <summary>
/// The rules a game is played with: the standard rules (<see cref="StandardName"/>) plus rule packages. Adding a package
/// checks it whole before anything of it is taken: its name, its entity names (its own prefix, none used twice), its
/// action keys and notification types (none declared twice); a refusal names the package and what it clashes with.
/// </summary>
public sealed partial class RuleSet
{
    /// <summary>The name of the rules every game has, as campaigns list it under <c>rules:</c>.</summary>
    public const string StandardName = "d20-srd";

    private readonly List<RulePackage> _packages = new();
    private readonly Dictionary<string, string> _actionOwners = new(StringComparer.Ordinal);
    private readonly Dictionary<RulePackage, RulePackageBuilder> _declarations = new();

    private RuleSet(EntityTypeRegistry types, RuleBook book)
    {
        Types = types;
        Book = book;
        foreach (var action in book.Actions)
            _actionOwners[action.Key] = "the standard rules";
    }

    /// <summary>The standard rules: the workflow's and rules' entity types, the standard actions, no notification contracts yet.</summary>
    public static RuleSet Standard() => new(GameRules.RegisterTypes(new EntityTypeRegistry()), RuleBook.Standard());

    public EntityTypeRegistry Types { get; }

    public RuleBook Book { get; }

    /// <summary>What clients receive for each notification: the host adds the standard kinds', each package its own.</summary>
    public NotificationContracts Notifications { get; } = new();

    public IReadOnlyList<RulePackage> Packages => _packages;

    /// <summary>The names a campaign may list under <c>rules:</c>: the standard rules and every package added.</summary>
    public IReadOnlyList<string> Names => [StandardName, .. _packages.Select(p => p.Name)];

    /// <summary>What <paramref name="package"/> declared, once it is added.</summary>
    public RulePackageBuilder DeclarationsOf(RulePackage package) => _declarations[package];

    /// <exception cref="RulePackageException">the package is refused; nothing of it was added</exception>
    public RuleSet Add(RulePackage package)
    {
        var name = package.Name;
        if (!PackageName().IsMatch(name ?? ""))
            throw new RulePackageException($"{package.GetType().FullName} names its rule package '{name}': use lower-case letters, digits and dashes.");
        if (name == StandardName)
            throw new RulePackageException($"{package.GetType().FullName} names its rule package '{name}', the standard rules' name: choose another.");
        if (_packages.FirstOrDefault(p => p.Name == name) is { } earlier)
            throw new RulePackageException(
                $"rule package '{name}' is loaded twice ({package.GetType().FullName}, and {earlier.GetType().FullName} before it): give each package once.");
        var declared = new RulePackageBuilder();
        try
        {
            package.Register(declared);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new RulePackageException($"{package} could not declare its rules: {error.Message}", error);
        }
        Check(package, declared);

        foreach (var (type, entityName) in declared.Entities)
            Types.Register(type, entityName);
        foreach (var action in declared.Actions)
        {
            Book.Add(action);
            _actionOwners[action.Key] = package.ToString();
        }
        Notifications.Add(declared.Notifications);
        _packages.Add(package);
        _declarations[package] = declared;
        return this;
    }

    /// <summary>Every clash, before anything is taken: the package is added whole or not at all.</summary>
    private void Check(RulePackage package, RulePackageBuilder declared)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (type, entityName) in declared.Entities)
        {
            if (!entityName.StartsWith(package.Name + ".", StringComparison.Ordinal))
                throw new RulePackageException($"{package}: entity name '{entityName}' of {type.Name} must start with '{package.Name}.', the package's name.");
            if (!names.Add(entityName))
                throw new RulePackageException($"{package}: entity name '{entityName}' is used twice in the package.");
            if (Types.Names.Contains(entityName) && Types.TypeOf(entityName) != type)
                throw new RulePackageException($"{package}: entity name '{entityName}' of {type.FullName} is already used by {Types.TypeOf(entityName).FullName}.");
            if (Types.IsRegistered(type))
                throw new RulePackageException($"{package}: {type.FullName} is already registered as '{Types.NameOf(type)}'.");
            try
            {
                new EntityTypeRegistry().Register(type, entityName);
            }
            catch (ArgumentException error)
            {
                throw new RulePackageException($"{package}: {error.Message}", error);
            }
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in declared.Actions)
        {
            if (_actionOwners.TryGetValue(action.Key, out var owner))
                throw new RulePackageException($"{package}: action key '{action.Key}' of {action.GetType().Name} is already taken by {owner}.");
            if (!keys.Add(action.Key))
                throw new RulePackageException($"{package}: action key '{action.Key}' is declared twice in the package.");
        }
        foreach (var notification in declared.Notifications.Contracts.Keys)
            if (Notifications.Contracts.ContainsKey(notification))
                throw new RulePackageException($"{package}: notification {notification.FullName} already has a contract.");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PackageName();
}
