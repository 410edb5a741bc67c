using System.ComponentModel.DataAnnotations;
using System.Runtime.Serialization;
using Ikosa.Host.Validation;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Description;

namespace Ikosa.Tests.Host;

/// <summary>
/// The argument rules are read from the contract's own declaration: nullability, [MaxLength], [Range], enums, and the same
/// inside data contracts and lists, each refusal naming the argument (or the part of it) that broke the rule.
/// </summary>
public class ArgumentRulesTests
{
    private static ArgumentProblem? Problem(string operation, params object?[] arguments) =>
        ArgumentRules.For(ContractDescription.GetContract(typeof(IRuleSamples)).Operations.Single(o => o.Name == operation)).FirstProblem(arguments);

    [Fact]
    public void Null_is_refused_only_where_the_contract_does_not_allow_it()
    {
        Assert.Equal(new ArgumentProblem("name", "missing"), Problem("Name", null, null));
        Assert.Null(Problem("Name", "alice", null)); // string? note
        Assert.Null(Problem("Pick", [null])); // Guid?
    }

    [Fact]
    public void Strings_and_lists_are_bounded_by_MaxLength_or_the_default()
    {
        Assert.Null(Problem("Name", new string('a', ArgumentRules.DefaultMaxLength), null));
        Assert.Equal(new ArgumentProblem("name", $"at most {ArgumentRules.DefaultMaxLength} characters, not 201"), Problem("Name", new string('a', 201), null));
        Assert.Null(Problem("Name", "alice", new string('n', 1000)));
        Assert.Equal("note", Problem("Name", "alice", new string('n', 1001))?.Argument);
        Assert.Equal(new ArgumentProblem("orders", $"at most {ArgumentRules.DefaultMaxItems} items, not 257"), Problem("Place", Enumerable.Range(0, 257).Select(_ => new Order()).ToList()));
    }

    [Fact]
    public void Numbers_are_kept_in_Range_and_enums_to_their_defined_values()
    {
        Assert.Null(Problem("Count", 1));
        Assert.Equal(new ArgumentProblem("count", "between 1 and 10, not 0"), Problem("Count", 0));
        Assert.Equal(new ArgumentProblem("count", "between 1 and 10, not -5"), Problem("Count", -5));
        Assert.Equal(new ArgumentProblem("orders[0].Kind", "42 is not a OrderKind"), Problem("Place", new List<Order> { new() { Kind = (OrderKind)42 } }));
    }

    [Fact]
    public void Data_contracts_and_lists_are_checked_inside_naming_the_part()
    {
        Assert.Null(Problem("Place", new List<Order> { new() }));
        Assert.Equal(new ArgumentProblem("orders", "missing"), Problem("Place", [null]));
        Assert.Equal(new ArgumentProblem("orders[1]", "missing"), Problem("Place", new List<Order?> { new(), null }));
        Assert.Equal(new ArgumentProblem("orders[0].Lines", "missing"), Problem("Place", new List<Order> { new() { Lines = null! } }));
        Assert.Equal(new ArgumentProblem("orders[0].Lines[2]", "missing"), Problem("Place", new List<Order> { new() { Lines = ["a", "b", null!] } }));
        Assert.Null(Problem("Place", new List<Order> { new() { Comment = null } }));
    }

    [Fact]
    public void An_operation_whose_arguments_cannot_be_wrong_has_no_rules()
    {
        var operations = ContractDescription.GetContract(typeof(IRuleSamples)).Operations;

        Assert.False(ArgumentRules.For(operations.Single(o => o.Name == "Flag")).CanRefuse);
        Assert.False(ArgumentRules.For(operations.Single(o => o.Name == "Pick")).CanRefuse);
        Assert.True(ArgumentRules.For(operations.Single(o => o.Name == "Place")).CanRefuse);
    }
}

[ServiceContract]
public interface IRuleSamples
{
    [OperationContract]
    Task NameAsync(string name, [MaxLength(1000)] string? note);

    [OperationContract]
    Task PickAsync(Guid? creature);

    [OperationContract]
    Task FlagAsync(bool on, Guid id);

    [OperationContract]
    Task CountAsync([Range(1, 10)] int count);

    [OperationContract]
    Task PlaceAsync(List<Order> orders);
}

public enum OrderKind
{
    Buy,
    Sell,
}

[DataContract]
public sealed class Order
{
    [DataMember] public OrderKind Kind { get; set; }

    [DataMember] public List<string> Lines { get; set; } = [];

    [DataMember] public string? Comment { get; set; }
}
