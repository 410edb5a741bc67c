using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.Serialization;
using FsCheck;
using FsCheck.Fluent;
using Ikosa.Host.Validation;

namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>
/// Generators for any argument of a service operation, by its type and name: strings, ids, numbers, bools, enums,
/// nullables, lists and data contracts (built member by member, so a new contract needs no new code; the argument's
/// name says what a string or an id holds: a ticket, a user, a creature, a prompt). <see cref="Valid"/> is well formed,
/// taken from the game (<see cref="FuzzWorld"/>). <see cref="Hostile"/> lists every way to spoil it, one
/// <see cref="HostileCase"/> per place and kind: the argument itself or one member or item deep inside it, made null,
/// empty, at and past the declared limits, extreme, negative, full of control characters, random, an unknown, empty,
/// foreign or stale id, a list of nulls or duplicates, an undefined enum value; the rest of the argument stays well
/// formed. A type the fuzz cannot generate throws <see cref="NoGeneratorException"/>.
/// </summary>
public sealed class FuzzArguments(FuzzWorld world)
{
    /// <summary>Far past any limit: 100,000 characters, 200,000 bytes on the wire.</summary>
    private static readonly string HugeText = new('\u00e9', 100_000);

    private static readonly string[] ControlTexts =
    [
        "\u001b[31mred\u001b[0m", "nul\0here", "bell\u0007", "two\r\nlines", "\u202Eevil\u202C", "tab\tand\u0008backspace", "\u200Bzero-width",
    ];

    private static readonly Gen<string> RandomText = ArbMap.Default.GeneratorFor<string>().Select(Sendable);

    private static readonly Gen<Guid> RandomIds = ArbMap.Default.GeneratorFor<Guid>();

    private readonly CoherentArguments _coherent = new(world);

    /// <summary>A value a careful client could send, for an argument of <paramref name="type"/> called <paramref name="name"/>.</summary>
    /// <exception cref="NoGeneratorException">the fuzz cannot generate this type</exception>
    public Gen<Fuzzed> Valid(Type type, string name, ICustomAttributeProvider declaration)
    {
        var hint = Hint(name);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Gen.OneOf(Constant(null, ArgumentKind.Null), Valid(underlying, name, declaration));
        if (type == typeof(string))
            return ValidString(hint);
        if (type == typeof(Guid))
            return ValidId(hint) ?? UnknownId();
        if (type == typeof(int) || type == typeof(long))
            return ValidNumber(type, hint, declaration);
        if (type == typeof(bool))
            return Of(ArgumentKind.Valid, true, false);
        if (type.IsEnum)
            return Of(ArgumentKind.Valid, Enum.GetValues(type).Cast<object>().ToArray());
        if (ItemType(type) is { } item)
            return Gen.Choose(1, 3).SelectMany(count => Valid(item, name, NoAttributes.Instance).ListOf(count))
                .Select(items => Made(ToList(item, items), ArgumentKind.Valid));
        if (IsDataContract(type))
            return ValidContract(type);
        throw new NoGeneratorException(type, name);
    }

    /// <summary>
    /// Every way to spoil an argument of <paramref name="type"/> called <paramref name="name"/>; none when every value of
    /// the type is fine (a bool). Only the cases the game has material for right now (another player's prompt...) are listed.
    /// </summary>
    /// <exception cref="NoGeneratorException">the fuzz cannot generate this type</exception>
    public IReadOnlyList<HostileCase> Hostile(Type type, string name, ICustomAttributeProvider declaration) =>
        HostileCases(type, name, name, declaration).ToList();

    private IEnumerable<HostileCase> HostileCases(Type type, string name, string path, ICustomAttributeProvider declaration)
    {
        var hint = Hint(name);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return HostileCases(underlying, name, path, declaration);
        if (type == typeof(string))
            return HostileStrings(hint, MaxLength(declaration) ?? ArgumentRules.DefaultMaxLength).Select(c => new HostileCase(path, c.Kind, c.Values));
        if (type == typeof(Guid))
            return HostileIds(hint).Select(c => new HostileCase(path, c.Kind, c.Values));
        if (type == typeof(int) || type == typeof(long))
            return HostileNumbers(type, declaration, hint switch { "coordinate" => 10_000, "serial" => world.Serial + 1_000_000, _ => null })
                .Select(c => new HostileCase(path, c.Kind, c.Values));
        if (type == typeof(bool))
            return [];
        if (type.IsEnum)
            return [new(path, ArgumentKind.UndefinedEnum, Of(ArgumentKind.UndefinedEnum, Enum.ToObject(type, -1), Enum.ToObject(type, Enum.GetValues(type).Length + 7), Enum.ToObject(type, int.MaxValue)))];
        if (ItemType(type) is { } item)
            return HostileLists(item, name, path, MaxLength(declaration) ?? ArgumentRules.DefaultMaxItems);
        if (IsDataContract(type))
            return HostileContracts(type, path);
        throw new NoGeneratorException(type, name);
    }

    private Gen<Fuzzed> ValidString(string hint) => hint switch
    {
        "ticket" => Of(ArgumentKind.Valid, world.Ticket),
        "password" => Of(ArgumentKind.Valid, "not-the-password"), // the fuzz never logs in for real: that would replace the caller's login
        "user" => Of(ArgumentKind.Valid, [.. world.Users]),
        "key" => Of(ArgumentKind.Valid, [.. world.ActionKeys, .. world.Actions.SelectMany(a => a.Aiming).Select(a => a.Key).Distinct()]),
        "choice" => Of(ArgumentKind.Valid, [.. world.Prompts.SelectMany(p => p.Options).Distinct(), "Delay", "EndTurn"]),
        "name" => Of(ArgumentKind.Valid, [.. world.Images, "fuzz_snapshot", "fuzz-2"]),
        _ => Of(ArgumentKind.Valid, "hello", "a few words"),
    };

    private IEnumerable<(ArgumentKind Kind, Gen<Fuzzed> Values)> HostileStrings(string hint, int maxLength)
    {
        yield return (ArgumentKind.Null, Constant(null, ArgumentKind.Null));
        yield return Case(ArgumentKind.Empty, "", "   ", "\t");
        yield return Case(ArgumentKind.AtLimit, new string('a', maxLength));
        yield return Case(ArgumentKind.Huge, new string('a', maxLength + 1), HugeText);
        yield return Case(ArgumentKind.ControlCharacters, ControlTexts);
        yield return (ArgumentKind.Random, Gen.OneOf(RandomText.Select(text => Made(text, ArgumentKind.Random)),
            Of(ArgumentKind.Random, "\u4e2d\u6587 \U0001F600", "<&>\"'", "../../etc/passwd", "C:\\con\\aux")));
        switch (hint)
        {
            case "ticket":
                yield return Case(ArgumentKind.Stale, world.StaleTicket);
                yield return Case(ArgumentKind.Unknown, Guid.Empty.ToString("N"), world.Ticket.ToUpperInvariant() + "x");
                break;
            case "user":
                yield return Case(ArgumentKind.Unknown, "nobody", "(host)");
                // Names are case-insensitive: another user's name in capitals is still theirs.
                yield return Case(ArgumentKind.OtherUsers, [.. world.Users.Where(u => u != world.Caller.UserName).Select(u => u.ToUpperInvariant())]);
                break;
            case "name":
                yield return Case(ArgumentKind.Unknown, "nope.svg", "heroes", "snapshots/../../escape");
                break;
            case "key":
                yield return Case(ArgumentKind.Unknown, "fly", "MOVE");
                break;
        }
    }

    private Gen<Fuzzed>? ValidId(string hint) => hint switch
    {
        "prompt" => OfOrNone(ArgumentKind.Valid, world.Prompts.Where(p => p.Yours).Select(p => (object)p.Id)),
        "step" => OfOrNone(ArgumentKind.Valid, world.Prompts.Where(p => p.Yours).Select(p => (object)p.Step)),
        _ => OfOrNone(ArgumentKind.Valid, world.Yours.Select(c => (object)c.Id)),
    };

    private IEnumerable<(ArgumentKind Kind, Gen<Fuzzed> Values)> HostileIds(string hint)
    {
        yield return (ArgumentKind.Unknown, UnknownId());
        yield return Case(ArgumentKind.EmptyGuid, Guid.Empty);
        var prompts = hint is "prompt" or "step";
        if (OfOrNone(ArgumentKind.WrongEntity, prompts ? world.Creatures.Select(c => (object)c.Id) : world.OtherEntities.Cast<object>()) is { } wrong)
            yield return (ArgumentKind.WrongEntity, wrong);
        var theirs = prompts
            ? world.Prompts.Where(p => !p.Yours).Select(p => (object)(hint == "step" ? p.Step : p.Id))
            : world.NotYours.Select(c => (object)c.Id);
        if (OfOrNone(ArgumentKind.OtherUsers, theirs) is { } others)
            yield return (ArgumentKind.OtherUsers, others);
    }

    private Gen<Fuzzed> UnknownId() => RandomIds.Select(id => Made(id, ArgumentKind.Unknown));

    private Gen<Fuzzed> ValidNumber(Type type, string hint, ICustomAttributeProvider declaration)
    {
        var range = Attribute<RangeAttribute>(declaration);
        var (low, high) = hint switch
        {
            "serial" => (0L, world.Serial),
            "coordinate" => (0L, Math.Max(world.Width, world.Height) - 1L),
            "hitpoints" => (-10L, 60L),
            _ when range is not null => (Convert.ToInt64(range.Minimum), Math.Min(Convert.ToInt64(range.Maximum), Convert.ToInt64(range.Minimum) + 50)),
            _ => (0L, 20L),
        };
        return Gen.Choose(0, (int)Math.Min(high - low, int.MaxValue)).Select(offset => Made(Convert.ChangeType(low + offset, type), ArgumentKind.Valid));
    }

    /// <summary>Negative, extreme (the type's bounds, zero, one past a declared [Range], far off the map or the serial) and random numbers.</summary>
    private IEnumerable<(ArgumentKind Kind, Gen<Fuzzed> Values)> HostileNumbers(Type type, ICustomAttributeProvider declaration, long? farOff)
    {
        decimal min = type == typeof(int) ? int.MinValue : long.MinValue;
        decimal max = type == typeof(int) ? int.MaxValue : long.MaxValue;
        object Number(decimal value) => Convert.ChangeType(Math.Clamp(value, min, max), type);
        (ArgumentKind, Gen<Fuzzed>) Numbers(ArgumentKind kind, IEnumerable<decimal> values) => (kind, Gen.Elements(values.ToArray()).Select(v => Made(Number(v), kind)));
        yield return Numbers(ArgumentKind.Negative, [-1, -1000]);
        var extremes = new List<decimal> { min, max, 0 };
        if (Attribute<RangeAttribute>(declaration) is { } range)
            extremes.AddRange([Convert.ToDecimal(range.Minimum) - 1, Convert.ToDecimal(range.Maximum) + 1]);
        if (farOff is { } far)
            extremes.Add(far);
        yield return Numbers(ArgumentKind.Extreme, extremes);
        var random = Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue)).Select(p => ((long)p.Item1 << 32) | (uint)p.Item2);
        yield return (ArgumentKind.Random, random.Select(v => Made(Number(type == typeof(int) ? (int)v : v), ArgumentKind.Random)));
    }

    /// <summary>The list spoiled as a whole (null, empty, duplicates, at and past its limit, with nulls), or one item of it spoiled.</summary>
    private IEnumerable<HostileCase> HostileLists(Type item, string name, string path, int maxItems)
    {
        var valid = Valid(item, name, NoAttributes.Instance);
        HostileCase Whole(ArgumentKind kind, Gen<IEnumerable<Fuzzed>> items) => new(path, kind, items.Select(i => Made(ToList(item, i), kind)));
        yield return new(path, ArgumentKind.Null, Constant(null, ArgumentKind.Null));
        yield return Whole(ArgumentKind.Empty, Gen.Constant(Enumerable.Empty<Fuzzed>()));
        yield return Whole(ArgumentKind.Duplicates, valid.Select(one => (IEnumerable<Fuzzed>)[one, one]));
        yield return Whole(ArgumentKind.AtLimit, valid.ListOf(maxItems).Select(items => (IEnumerable<Fuzzed>)items));
        yield return Whole(ArgumentKind.Huge, valid.ListOf(maxItems + 1).Select(items => (IEnumerable<Fuzzed>)items));
        if (!item.IsValueType || Nullable.GetUnderlyingType(item) is not null)
        {
            var nothing = new Fuzzed(null, ArgumentKind.Null, "null");
            yield return Whole(ArgumentKind.ListOfNulls, Gen.OneOf(valid.Select(one => (IEnumerable<Fuzzed>)[one, nothing]), Gen.Constant((IEnumerable<Fuzzed>)[nothing])));
        }
        foreach (var spoiled in HostileCases(item, name, path + "[]", NoAttributes.Instance))
            yield return spoiled with { Values = Gen.Zip(valid, spoiled.Values).Select(pair => Made(ToList(item, [pair.Item1, pair.Item2]), spoiled.Kind)) };
    }

    /// <summary>The contract null, or one of its members spoiled (however deep) in a well-formed contract.</summary>
    private IEnumerable<HostileCase> HostileContracts(Type contract, string path)
    {
        yield return new(path, ArgumentKind.Null, Constant(null, ArgumentKind.Null));
        var valid = ValidContract(contract);
        foreach (var member in Members(contract))
        {
            foreach (var spoiled in HostileCases(member.PropertyType, member.Name, $"{path}.{member.Name}", member))
            {
                yield return spoiled with
                {
                    Values = Gen.Zip(valid, spoiled.Values).Select(pair =>
                    {
                        var changed = Clone(contract, pair.Item1.Value!);
                        member.SetValue(changed, pair.Item2.Value);
                        return Made(changed, spoiled.Kind);
                    }),
                };
            }
        }
    }

    /// <summary>Mostly as a real client builds it (members that agree with each other and the game), else member by member.</summary>
    private Gen<Fuzzed> ValidContract(Type contract) =>
        _coherent.For(contract) is { } coherent ? Gen.Frequency((3, coherent), (1, MemberWise(contract))) : MemberWise(contract);

    private Gen<Fuzzed> MemberWise(Type contract)
    {
        var members = Members(contract);
        return Gen.CollectToList(members, m => Valid(m.PropertyType, m.Name, m))
            .Select(values => Made(Build(contract, members, values.Select(v => v.Value).ToList()), ArgumentKind.Valid));
    }

    private Fuzzed Made(object? value, ArgumentKind kind) => new(value, kind, ArgumentText.Show(value, world));

    private Gen<Fuzzed> Of(ArgumentKind kind, params object?[] values) => Gen.Elements(values).Select(v => Made(v, kind));

    private Gen<Fuzzed> Constant(object? value, ArgumentKind kind) => Gen.Constant(0).Select(_ => Made(value, kind));

    private (ArgumentKind Kind, Gen<Fuzzed> Values) Case(ArgumentKind kind, params object?[] values) => (kind, Of(kind, values));

    /// <summary>A pick from <paramref name="pool"/>, or null when the game has none right now.</summary>
    private Gen<Fuzzed>? OfOrNone(ArgumentKind kind, IEnumerable<object> pool) => pool.ToArray() is { Length: > 0 } values ? Of(kind, values) : null;

    private static IList ToList(Type item, IEnumerable<Fuzzed> items)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
        foreach (var one in items)
            list.Add(one.Value);
        return list;
    }

    private static object Build(Type contract, IReadOnlyList<PropertyInfo> members, IReadOnlyList<object?> values)
    {
        var built = Activator.CreateInstance(contract)!;
        for (var i = 0; i < members.Count; i++)
            members[i].SetValue(built, values[i]);
        return built;
    }

    private static object Clone(Type contract, object original)
    {
        var members = Members(contract);
        return Build(contract, members, members.Select(m => m.GetValue(original)).ToList());
    }

    /// <summary>The members a data contract sends, in order (private ones too, as the serializer does).</summary>
    public static IReadOnlyList<PropertyInfo> Members(Type contract) =>
        contract.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(p => p.IsDefined(typeof(DataMemberAttribute)) && p.SetMethod is not null)
            .OrderBy(p => p.GetCustomAttribute<DataMemberAttribute>()!.Order)
            .ToList();

    private static bool IsDataContract(Type type) => type.IsClass && type.IsDefined(typeof(DataContractAttribute), inherit: false) && type.GetConstructor(Type.EmptyTypes) is not null;

    private static Type? ItemType(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>What an argument's name says it holds, so that a ticket gets tickets and a creature creatures.</summary>
    private static string Hint(string name) => name.ToLowerInvariant() switch
    {
        var n when n.Contains("ticket") => "ticket",
        var n when n.Contains("password") => "password",
        "user" or "username" or "to" => "user",
        var n when n.Contains("prerequisite") => "prompt",
        "step" => "step",
        var n when n.EndsWith("key", StringComparison.Ordinal) => "key",
        "choice" => "choice",
        var n when n.Contains("serial") => "serial",
        "x" or "y" => "coordinate",
        "hitpoints" => "hitpoints",
        var n => n,
    };

    /// <summary>FsCheck's strings with lone surrogates replaced: no client can send those (UTF-8 cannot encode them).</summary>
    private static string Sendable(string? text)
    {
        var sendable = new System.Text.StringBuilder(text?.Length ?? 0);
        for (var i = 0; i < (text?.Length ?? 0); i++)
        {
            if (char.IsSurrogatePair(text!, i))
                sendable.Append(text, i++, 2);
            else
                sendable.Append(char.IsSurrogate(text![i]) ? '?' : text[i]);
        }
        return sendable.ToString();
    }

    private static int? MaxLength(ICustomAttributeProvider declaration) => Attribute<MaxLengthAttribute>(declaration)?.Length;

    private static T? Attribute<T>(ICustomAttributeProvider declaration) where T : Attribute =>
        declaration.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();

    /// <summary>A list's items carry no attributes of their own.</summary>
    private sealed class NoAttributes : ICustomAttributeProvider
    {
        public static readonly NoAttributes Instance = new();

        public object[] GetCustomAttributes(bool inherit) => [];

        public object[] GetCustomAttributes(Type attributeType, bool inherit) => [];

        public bool IsDefined(Type attributeType, bool inherit) => false;
    }
}

/// <summary>One way to spoil an argument: at <see cref="Path"/> (the argument, or a member or item inside it: <c>activity.Targets[].Cells</c>), a value of <see cref="Kind"/>.</summary>
public sealed record HostileCase(string Path, ArgumentKind Kind, Gen<Fuzzed> Values)
{
    public string Label => $"{Path}: {Kind}";
}

/// <summary>The fuzz has no generator for an argument's type: add one to <see cref="FuzzArguments"/>.</summary>
public sealed class NoGeneratorException(Type type, string name)
    : Exception($"the fuzz has no generator for {type.Name} (argument or member '{name}'): add one to {nameof(FuzzArguments)}");
