using Ikosa.ServiceModel.Description;

namespace Ikosa.Tests.ServiceModel.Contracts;

public class ContractValidationTests
{
    [Theory]
    [InlineData(typeof(INotAContract), "no [ServiceContract]")]
    [InlineData(typeof(ClassContract), "not an interface")]
    [InlineData(typeof(IOneWayWithResult), "one-way")]
    [InlineData(typeof(IOneWayWithTaskResult), "returns a value")]
    [InlineData(typeof(IOneWayWithOut), "out/ref parameter 'value'")]
    [InlineData(typeof(IOneWayWithFault), "[FaultContract]")]
    [InlineData(typeof(INoOperations), "no operations")]
    [InlineData(typeof(IDuplicateNames), "same operation name 'Op'")]
    [InlineData(typeof(IDuplicateActions), "same Action 'urn:same'")]
    [InlineData(typeof(ITerminatingWithoutSession), "SessionMode.Required")]
    [InlineData(typeof(INothingInitiating), "no initiating operation")]
    [InlineData(typeof(IValueTaskOperation), "use Task or Task<T>")]
    [InlineData(typeof(ITaskWithOut), "Task-based operations cannot have out/ref")]
    [InlineData(typeof(IMismatchedTwins), "differ")]
    [InlineData(typeof(IClassCallback), "not an interface")]
    [InlineData(typeof(IGenericOperation), "generic")]
    public void Inconsistent_contracts_are_refused_with_a_clear_error(Type contractType, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ContractDescription.GetContract(contractType));

        Assert.Contains(expected, error.Message);
        Assert.Contains(contractType.Name, error.Message);
    }

    [Fact]
    public void A_refused_contract_is_refused_again_not_cached_half_built()
    {
        Assert.Throws<InvalidOperationException>(() => ContractDescription.GetContract(typeof(IOneWayWithResult)));
        Assert.Throws<InvalidOperationException>(() => ContractDescription.GetContract(typeof(IOneWayWithResult)));
    }
}
