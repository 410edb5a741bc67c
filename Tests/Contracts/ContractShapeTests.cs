using Ikosa.Contracts;
using Ikosa.ServiceModel.Description;

namespace Ikosa.Tests.Contracts;

public class ContractShapeTests
{
    [Theory]
    [InlineData(typeof(ILoginService), typeof(ILoginCallback))]
    [InlineData(typeof(IGameService), typeof(IGameCallback))]
    [InlineData(typeof(IVisualizationService), typeof(IVisualizationCallback))]
    [InlineData(typeof(IMasterService), typeof(IMasterCallback))]
    public void Each_service_loads_with_its_callback_contract(Type service, Type callback)
    {
        var contract = ContractDescription.GetContract(service);

        Assert.Equal(callback, contract.CallbackContractType);
        Assert.All(contract.Operations, op => Assert.StartsWith($"{IkosaNamespaces.Services}/{service.Name}/", op.Action));
        Assert.All(contract.CallbackOperations, op => Assert.True(op.IsOneWay, $"{op.Name}: callbacks are one-way so a client never blocks the host"));
        Assert.NotEmpty(contract.Operations);
    }
}
