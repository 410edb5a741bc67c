using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using Ikosa.Contracts;
using Ikosa.Host.Game;
using Ikosa.Host.Security;
using Ikosa.Host.Services;
using Ikosa.ServiceModel.Description;

namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>
/// One operation of a service contract, as its description gives it, with the rule its implementation declares
/// ([Authorize]): every operation of every contract is found by reflection, so a new one is fuzzed with no new code.
/// </summary>
public sealed record FuzzedOperation(Type Contract, OperationDescription Description, AuthorizeAttribute Rule)
{
    public static IReadOnlyList<FuzzedOperation> All { get; } = FuzzCaller.Contracts
        .SelectMany(contract => ContractDescription.GetContract(contract).Operations.Select(o => new FuzzedOperation(contract, o, RuleOf(contract, o.Method))))
        .ToList();

    public string Name => $"{Description.ContractName}.{Description.Name}";

    public MethodInfo Method => Description.Method;

    public IEnumerable<ParameterDescription> Inputs => Description.Parameters.Where(p => p.IsInput);

    /// <summary>Every way to spoil one argument of a call (the others well formed), by label: "chat.Text: Empty".</summary>
    /// <exception cref="NoGeneratorException">a parameter's type has no generator</exception>
    public IReadOnlyList<string> Cases(FuzzArguments generators) =>
        Inputs.SelectMany(p => generators.Hostile(p.Type, p.Name, Declared(p))).Select(c => c.Label).ToList();

    /// <summary>Arguments for one call: all well formed, or with the case labelled <paramref name="spoiled"/> (when the game still has material for it).</summary>
    /// <exception cref="NoGeneratorException">a parameter's type has no generator</exception>
    public Gen<Fuzzed[]> Arguments(FuzzArguments generators, string? spoiled = null)
    {
        var each = Inputs.Select(p => spoiled is not null && generators.Hostile(p.Type, p.Name, Declared(p)).FirstOrDefault(c => c.Label == spoiled) is { } hostile
            ? hostile.Values
            : generators.Valid(p.Type, p.Name, Declared(p))).ToList();
        return each.Count == 0 ? Gen.Constant(Array.Empty<Fuzzed>()) : Gen.CollectToArray(each);
    }

    private ParameterInfo Declared(ParameterDescription parameter) => Method.GetParameters()[parameter.Position];

    /// <summary>
    /// Declared for masters only, or on the master contract, whose every operation "is refused to player users" (but
    /// Bind: any login may bind a channel). The contract's word does not depend on the implementation's [Authorize].
    /// </summary>
    public bool MasterOnly => Rule.Access == Access.Master || (Contract == typeof(IMasterService) && Description.Name != "Bind");

    /// <summary>Why the caller must be denied this call whatever its other arguments, or null.</summary>
    public string? MustDeny(FuzzWorld world, object?[] arguments)
    {
        if (world.Caller.IsMaster)
            return null;
        if (MasterOnly)
            return "a player calling a master operation";
        if (Rule.Access != Access.ControlsCreature)
            return null;
        var position = Inputs.Single(p => p.Name == Rule.Creature).Position;
        return AuthorizingInvoker.CreatureOf(arguments[position]) is { } creature && !world.Yours.Any(c => c.Id == creature.Value)
            ? "a player naming a creature not theirs"
            : null;
    }

    public string Show(Fuzzed[] arguments) =>
        $"{Name}(" + string.Join(", ", Inputs.Zip(arguments).Select(pair => $"{pair.First.Name}: {pair.Second}")) + ")";

    /// <summary>The [Authorize] of the host's implementation of <paramref name="method"/>.</summary>
    private static AuthorizeAttribute RuleOf(Type contract, MethodInfo method)
    {
        var service = typeof(GameHost).Assembly.GetTypes().Single(t => !t.IsAbstract && typeof(BoundService).IsAssignableFrom(t) && contract.IsAssignableFrom(t));
        var map = service.GetInterfaceMap(contract);
        return map.TargetMethods[Array.IndexOf(map.InterfaceMethods, method)].GetCustomAttribute<AuthorizeAttribute>()
            ?? throw new InvalidOperationException($"{service.Name}.{method.Name} declares no [Authorize]");
    }
}
