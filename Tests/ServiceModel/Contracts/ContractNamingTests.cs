using Ikosa.ServiceModel.Description;

namespace Ikosa.Tests.ServiceModel.Contracts;

public class ContractNamingTests
{
    private static OperationDescription Operation<TContract>(string name) =>
        ContractDescription.GetContract(typeof(TContract)).Operations.Single(operation => operation.Name == name);

    [Fact]
    public void Defaults_are_tempuri_and_the_interface_name()
    {
        var contract = ContractDescription.GetContract(typeof(IDefaultNames));

        Assert.Equal("IDefaultNames", contract.Name);
        Assert.Equal("http://tempuri.org/", contract.Namespace);
        Assert.Equal("http://tempuri.org/IDefaultNames/Ping", Operation<IDefaultNames>("Ping").Action);
        Assert.Equal("http://tempuri.org/IDefaultNames/PingResponse", Operation<IDefaultNames>("Ping").ReplyAction);
    }

    [Fact]
    public void Explicit_contract_name_and_namespace_shape_actions()
    {
        var contract = ContractDescription.GetContract(typeof(INamedContract));

        Assert.Equal("Lobby", contract.Name);
        Assert.Equal("http://ikosa.example/game", contract.Namespace);
        Assert.Equal("http://ikosa.example/game/Lobby/Join", contract.Operations[0].Action);
    }

    [Fact]
    public void Empty_namespace_gives_urn()
    {
        Assert.Equal("urn:IEmptyNamespace/Join", Operation<IEmptyNamespace>("Join").Action);
        Assert.Equal("urn:IEmptyNamespace/JoinResponse", Operation<IEmptyNamespace>("Join").ReplyAction);
    }

    [Fact]
    public void Harness_namespace_without_trailing_slash_gets_one()
    {
        var echo = Operation<IEchoService>("Echo");

        Assert.Equal("urn:harness/IEchoService/Echo", echo.Action);
        Assert.Equal("urn:harness/IEchoService/EchoResponse", echo.ReplyAction);
    }

    [Fact]
    public void Async_suffix_is_dropped_from_Task_methods()
    {
        var count = Operation<IDefaultNames>("Count");
        var save = Operation<IDefaultNames>("Save");

        Assert.True(count.IsTaskBased);
        Assert.Equal(typeof(int), count.ReturnType);
        Assert.Equal("http://tempuri.org/IDefaultNames/Count", count.Action);
        Assert.True(save.IsTaskBased);
        Assert.Equal(typeof(void), save.ReturnType);
    }

    [Fact]
    public void Sync_and_Task_twins_are_one_operation()
    {
        var contract = ContractDescription.GetContract(typeof(IEchoService));
        var echo = Assert.Single(contract.Operations, operation => operation.Name == "Echo");

        Assert.Same(echo, contract.GetOperation(typeof(IEchoService).GetMethod(nameof(IEchoService.Echo))!));
        Assert.Same(echo, contract.GetOperation(typeof(IEchoService).GetMethod(nameof(IEchoService.EchoAsync))!));
        Assert.Equal(2, echo.Methods.Count);
        Assert.Equal(typeof(string), echo.ReturnType);
    }

    [Fact]
    public void Operation_name_and_explicit_actions_override_defaults()
    {
        var renamed = Operation<IDefaultNames>("Renamed");
        var explicitActions = Operation<IDefaultNames>("Explicit");
        var onlyAction = Operation<IDefaultNames>("OnlyAction");

        Assert.Equal("http://tempuri.org/IDefaultNames/Renamed", renamed.Action);
        Assert.Equal("urn:custom/act", explicitActions.Action);
        Assert.Equal("urn:custom/reply", explicitActions.ReplyAction);
        // As in WCF, the default reply action comes from the names, not from an explicit Action.
        Assert.Equal("http://tempuri.org/IDefaultNames/OnlyActionResponse", onlyAction.ReplyAction);
    }

    [Fact]
    public void Fault_actions_append_the_detail_type_name_and_Fault()
    {
        var risky = Operation<IDefaultNames>("Risky");
        var fail = Operation<IEchoService>("Fail");

        Assert.Equal("urn:harness/IEchoService/FailHarnessFaultFault", Assert.Single(fail.Faults).Action);
        Assert.Equal("http://tempuri.org/IDefaultNames/RiskyHarnessFaultFault", risky.FindFault(typeof(HarnessFault))!.Action);
        Assert.Equal("http://tempuri.org/IDefaultNames/RiskyListOf_Int32Fault", risky.FindFault(typeof(List<int>))!.Action);
        var custom = risky.FindFault(typeof(GameFault))!;
        Assert.Equal("urn:game-fault", custom.Action);
        Assert.Equal("Oops", custom.Name);
        Assert.Equal("http://tempuri.org/", custom.Namespace);
    }

    [Fact]
    public void Callback_operations_use_the_service_contract_namespace_and_name()
    {
        var contract = ContractDescription.GetContract(typeof(IEchoService));

        Assert.Equal(typeof(IEchoCallback), contract.CallbackContractType);
        Assert.Equal(
            ["urn:harness/IEchoService/OnTick", "urn:harness/IEchoService/ClientPing"],
            contract.CallbackOperations.Select(operation => operation.Action));
        Assert.Equal("urn:harness/IEchoService/ClientPingResponse", contract.FindCallbackByAction("urn:harness/IEchoService/ClientPing")!.ReplyAction);
        Assert.All(contract.CallbackOperations, operation => Assert.True(operation.IsCallback));
        Assert.Null(contract.FindByAction("urn:harness/IEchoService/OnTick"));
        Assert.Same(contract.CallbackOperations[1], contract.GetOperation(typeof(IEchoCallback).GetMethod(nameof(IEchoCallback.ClientPing))!));
    }

    [Fact]
    public void Inherited_contract_operations_keep_their_own_names_and_other_interfaces_are_ignored()
    {
        var contract = ContractDescription.GetContract(typeof(IDerivedContract));

        Assert.Equal(["urn:derived/IDerivedContract/DerivedOp", "urn:base/IBaseContract/BaseOp"], contract.Operations.Select(operation => operation.Action));
        Assert.Same(contract.Operations[1], contract.FindByAction("urn:base/IBaseContract/BaseOp"));
    }

    [Fact]
    public void Descriptions_expose_flags_parameters_and_each_caller_gets_its_own()
    {
        var contract = ContractDescription.GetContract(typeof(IEchoService));
        var notify = contract.FindByAction("urn:harness/IEchoService/Notify")!;
        var fail = contract.FindByAction("urn:harness/IEchoService/Fail")!;

        var again = ContractDescription.GetContract(typeof(IEchoService));
        Assert.NotSame(contract, again);
        Assert.Equal(contract.Operations.Select(o => o.Action), again.Operations.Select(o => o.Action));
        Assert.Equal(Ikosa.ServiceModel.SessionMode.Required, contract.SessionMode);
        Assert.True(notify.IsOneWay);
        Assert.True(notify.IsInitiating);
        Assert.False(notify.IsTerminating);
        Assert.Equal(["code", "message"], fail.Parameters.Select(parameter => parameter.Name));
        Assert.Equal([typeof(int), typeof(string)], fail.Parameters.Select(parameter => parameter.Type));
        Assert.All(fail.Parameters, parameter => Assert.Equal(ParameterDirection.In, parameter.Direction));
        Assert.Equal(7, contract.Operations.Count); // EchoAsync is folded into Echo
    }

    [Fact]
    public void Methods_without_OperationContract_are_not_operations()
    {
        var contract = ContractDescription.GetContract(typeof(IDefaultNames));
        var helper = typeof(IDefaultNames).GetMethod(nameof(IDefaultNames.Helper))!;

        Assert.False(contract.TryGetOperation(helper, out _));
        Assert.Contains("Helper", Assert.Throws<InvalidOperationException>(() => contract.GetOperation(helper)).Message);
    }
}
