using System.Runtime.Serialization;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.ServiceModel.Contracts;

// Small contracts exercising WCF's naming rules.

[ServiceContract]
public interface IDefaultNames
{
    [OperationContract]
    void Ping();

    [OperationContract]
    Task<int> CountAsync();

    [OperationContract]
    Task SaveAsync();

    [OperationContract(Name = "Renamed")]
    void Original();

    [OperationContract(Action = "urn:custom/act", ReplyAction = "urn:custom/reply")]
    void Explicit();

    [OperationContract(Action = "urn:only-action")]
    void OnlyAction();

    [OperationContract]
    [FaultContract(typeof(HarnessFault))]
    [FaultContract(typeof(List<int>))]
    [FaultContract(typeof(GameFault), Action = "urn:game-fault", Name = "Oops")]
    void Risky();

    // Not an operation: no [OperationContract].
    void Helper();
}

[ServiceContract(Name = "Lobby", Namespace = "http://ikosa.example/game")]
public interface INamedContract
{
    [OperationContract]
    void Join();
}

[ServiceContract(Namespace = "")]
public interface IEmptyNamespace
{
    [OperationContract]
    void Join();
}

[ServiceContract(Namespace = "urn:base")]
public interface IBaseContract
{
    [OperationContract]
    void BaseOp();
}

[ServiceContract(Namespace = "urn:derived")]
public interface IDerivedContract : IBaseContract, IDisposable
{
    [OperationContract]
    void DerivedOp();
}

[DataContract(Namespace = "urn:game")]
public sealed class GameFault
{
    [DataMember]
    public string? Why { get; set; }
}
