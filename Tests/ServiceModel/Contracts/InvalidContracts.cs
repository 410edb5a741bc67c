using Ikosa.ServiceModel;

namespace Ikosa.Tests.ServiceModel.Contracts;

// Contracts the description must refuse, each for one reason.

public interface INotAContract
{
    [OperationContract]
    void Op();
}

[ServiceContract]
public sealed class ClassContract
{
    [OperationContract]
    public void Op() { }
}

[ServiceContract]
public interface IOneWayWithResult
{
    [OperationContract(IsOneWay = true)]
    int Op();
}

[ServiceContract]
public interface IOneWayWithTaskResult
{
    [OperationContract(IsOneWay = true)]
    Task<int> OpAsync();
}

[ServiceContract]
public interface IOneWayWithOut
{
    [OperationContract(IsOneWay = true)]
    void Op(out int value);
}

[ServiceContract]
public interface IOneWayWithFault
{
    [OperationContract(IsOneWay = true)]
    [FaultContract(typeof(HarnessFault))]
    void Op();
}

[ServiceContract]
public interface INoOperations
{
    void NotAnOperation();
}

[ServiceContract]
public interface IDuplicateNames
{
    [OperationContract]
    void Op(int a);

    [OperationContract(Name = "Op")]
    void Other(int a);
}

[ServiceContract]
public interface IDuplicateActions
{
    [OperationContract(Action = "urn:same")]
    void First();

    [OperationContract(Action = "urn:same")]
    void Second();
}

[ServiceContract]
public interface ITerminatingWithoutSession
{
    [OperationContract(IsTerminating = true)]
    void Leave();
}

[ServiceContract(SessionMode = SessionMode.Required)]
public interface INothingInitiating
{
    [OperationContract(IsInitiating = false)]
    void Op();
}

[ServiceContract]
public interface IValueTaskOperation
{
    [OperationContract]
    ValueTask<int> OpAsync();
}

[ServiceContract]
public interface ITaskWithOut
{
    [OperationContract]
    Task OpAsync(out int value);
}

[ServiceContract]
public interface IMismatchedTwins
{
    [OperationContract]
    string Echo(int n);

    [OperationContract]
    Task<string> EchoAsync(string n);
}

[ServiceContract(CallbackContract = typeof(ClassContract))]
public interface IClassCallback
{
    [OperationContract]
    void Op();
}

[ServiceContract]
public interface IGenericOperation
{
    [OperationContract]
    void Op<T>(T value);
}
