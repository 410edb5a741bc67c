using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.Serialization;
using Ikosa.Contracts;
using Ikosa.ServiceModel.Description;

namespace Ikosa.Host.Validation;

/// <summary>
/// What an operation's contract declares about its arguments, read once from the C# declaration of the contract method
/// and of the data contracts it takes: <c>null</c> only where the type says so (<c>string?</c>, <c>Guid?</c>), no null
/// items in a list of non-nullable items, strings and lists no longer than <c>[MaxLength]</c> (else
/// <see cref="DefaultMaxLength"/> characters and <see cref="DefaultMaxItems"/> items) and holding no control or bidi
/// characters, numbers within <c>[Range]</c>,
/// enum values that are defined. Ids that do not exist are the operations' to refuse: only the model knows them.
/// </summary>
internal sealed class ArgumentRules
{
    /// <summary>Names, tickets, keys: a longer text is a mistake or an attack. Longer ones say so with [MaxLength].</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>Creatures, answers, cells: far more than a game ever sends at once.</summary>
    public const int DefaultMaxItems = 256;

    /// <summary>Nested data contracts deeper than this are not looked into (ours are two levels deep).</summary>
    private const int MaxDepth = 8;

    private readonly (string Name, int Position, ValueRule Rule)[] _parameters;

    private ArgumentRules((string, int, ValueRule)[] parameters) => _parameters = parameters;

    /// <summary>True when some argument can be refused (a bool or a Guid never is).</summary>
    public bool CanRefuse => _parameters.Length > 0;

    public static ArgumentRules For(OperationDescription operation)
    {
        var nullability = new NullabilityInfoContext();
        var parameters = operation.Method.GetParameters();
        var rules = operation.Parameters
            .Where(p => p.IsInput)
            .Select(p => (p.Name, p.Position, Rule: RuleFor(p.Type, nullability.Create(parameters[p.Position]), parameters[p.Position], nullability, depth: 0)))
            .Where(p => p.Rule is not null)
            .Select(p => (p.Name, p.Position, p.Rule!))
            .ToArray();
        return new ArgumentRules(rules);
    }

    /// <summary>The first argument that breaks its rule, with why; null when all are fine.</summary>
    public ArgumentProblem? FirstProblem(object?[] inputs)
    {
        foreach (var (name, position, rule) in _parameters)
        {
            if (rule.Check(inputs[position], name) is { } problem)
                return problem;
        }
        return null;
    }

    private static ValueRule? RuleFor(Type type, NullabilityInfo nullability, ICustomAttributeProvider declaration, NullabilityInfoContext context, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var value = underlying ?? type;
        var maxLength = MaxLength(declaration);
        ValueRule? rule = null;
        if (value == typeof(string))
            rule = new StringRule(maxLength ?? DefaultMaxLength);
        else if (value.IsEnum)
            rule = new EnumRule(value);
        else if (Attribute<RangeAttribute>(declaration) is { } range)
            rule = new RangeRule(Convert.ToDouble(range.Minimum), Convert.ToDouble(range.Maximum));
        else if (ItemType(value) is { } itemType)
        {
            var itemNullability = value.IsArray ? nullability.ElementType! : nullability.GenericTypeArguments[0];
            rule = new ListRule(RuleFor(itemType, itemNullability, NoAttributes.Instance, context, depth + 1), maxLength ?? DefaultMaxItems);
        }
        else if (value.IsDefined(typeof(DataContractAttribute), inherit: false) && depth < MaxDepth)
            rule = Members(value, context, depth + 1) is { Length: > 0 } members ? new ContractRule(members) : null;

        if (type.IsValueType && underlying is null)
            return rule;
        var mayBeNull = underlying is not null || nullability.ReadState != NullabilityState.NotNull;
        return mayBeNull && rule is null ? null : new NullRule(mayBeNull, rule);
    }

    private static (string Name, Func<object, object?> Read, ValueRule Rule)[] Members(Type contract, NullabilityInfoContext context, int depth) =>
        contract.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(p => p.IsDefined(typeof(DataMemberAttribute)))
            .Select(p => (Name: p.GetCustomAttribute<DataMemberAttribute>()!.Name ?? p.Name, Read: (Func<object, object?>)p.GetValue,
                Rule: RuleFor(p.PropertyType, context.Create(p), p, context, depth)))
            .Where(m => m.Rule is not null)
            .Select(m => (m.Name, m.Read, m.Rule!))
            .ToArray();

    private static Type? ItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0]
        : null;

    private static int? MaxLength(ICustomAttributeProvider declaration) =>
        Attribute<MaxLengthAttribute>(declaration)?.Length ?? Attribute<StringLengthAttribute>(declaration)?.MaximumLength;

    private static T? Attribute<T>(ICustomAttributeProvider declaration) where T : Attribute =>
        declaration.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();

    private abstract class ValueRule
    {
        /// <summary>What is wrong with <paramref name="value"/>, the argument (or part of one) called <paramref name="path"/>.</summary>
        public abstract ArgumentProblem? Check(object? value, string path);
    }

    private sealed class NullRule(bool mayBeNull, ValueRule? then) : ValueRule
    {
        public override ArgumentProblem? Check(object? value, string path) =>
            value is null ? mayBeNull ? null : new ArgumentProblem(path, "missing") : then?.Check(value, path);
    }

    /// <summary>Not longer than its limit, and plain text (<see cref="UserText"/>): what one user sends, others see.</summary>
    private sealed class StringRule(int maxLength) : ValueRule
    {
        public override ArgumentProblem? Check(object? value, string path) => value switch
        {
            string { Length: var length } when length > maxLength => new ArgumentProblem(path, $"at most {maxLength} characters, not {length}"),
            string text when UserText.FirstUnsafe(text) is >= 0 and var at =>
                new ArgumentProblem(path, $"holds a control character (U+{(int)text[at]:X4} at {at + 1}); send plain text"),
            _ => null,
        };
    }

    private sealed class EnumRule(Type type) : ValueRule
    {
        public override ArgumentProblem? Check(object? value, string path) =>
            value is not null && !Enum.IsDefined(type, value) ? new ArgumentProblem(path, $"{value} is not a {type.Name}") : null;
    }

    private sealed class RangeRule(double min, double max) : ValueRule
    {
        public override ArgumentProblem? Check(object? value, string path) =>
            value is not null && Convert.ToDouble(value) is var number && (number < min || number > max)
                ? new ArgumentProblem(path, max >= long.MaxValue ? $"at least {min}, not {value}" : $"between {min} and {max}, not {value}")
                : null;
    }

    private sealed class ListRule(ValueRule? item, int maxItems) : ValueRule
    {
        public override ArgumentProblem? Check(object? value, string path)
        {
            if (value is not IList list)
                return null;
            if (list.Count > maxItems)
                return new ArgumentProblem(path, $"at most {maxItems} items, not {list.Count}");
            if (item is null)
                return null;
            for (var i = 0; i < list.Count; i++)
            {
                if (item.Check(list[i], $"{path}[{i}]") is { } problem)
                    return problem;
            }
            return null;
        }
    }

    private sealed class ContractRule((string Name, Func<object, object?> Read, ValueRule Rule)[] members) : ValueRule
    {
        public override ArgumentProblem? Check(object? value, string path)
        {
            if (value is null)
                return null;
            foreach (var (name, read, rule) in members)
            {
                if (rule.Check(read(value), $"{path}.{name}") is { } problem)
                    return problem;
            }
            return null;
        }
    }

    /// <summary>A list's items carry no attributes of their own.</summary>
    private sealed class NoAttributes : ICustomAttributeProvider
    {
        public static readonly NoAttributes Instance = new();

        public object[] GetCustomAttributes(bool inherit) => [];

        public object[] GetCustomAttributes(Type attributeType, bool inherit) => [];

        public bool IsDefined(Type attributeType, bool inherit) => false;
    }
}

/// <summary>An argument (or a part of one: <c>activity.Targets[0].Key</c>) and why it was refused.</summary>
internal readonly record struct ArgumentProblem(string Argument, string Reason);
