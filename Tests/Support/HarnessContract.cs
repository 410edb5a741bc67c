using System.Runtime.Serialization;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.Support;

// The contract of the recorded stock WCF session (Tests/Data/captures/stock-wcf-echo-session.txt), as its header describes it.

[ServiceContract(Namespace = "urn:harness", SessionMode = SessionMode.Required, CallbackContract = typeof(IEchoCallback))]
public interface IEchoService
{
    [OperationContract]
    string Echo(int n, string s);

    [OperationContract]
    Task<string> EchoAsync(int n, string s);

    [OperationContract(IsOneWay = true)]
    void Notify(int n, string s);

    [OperationContract]
    int GetNotifyCount();

    [OperationContract(IsOneWay = true)]
    void StartCallbacks(int count, string s);

    [OperationContract]
    string CallMeBack(int n);

    [OperationContract]
    [FaultContract(typeof(HarnessFault))]
    string Fail(int code, string message);

    [OperationContract]
    string Crash(string message);
}

[ServiceContract(Namespace = "urn:harness")]
public interface IEchoCallback
{
    [OperationContract(IsOneWay = true)]
    void OnTick(int n, string s);

    [OperationContract]
    string ClientPing(int n);
}

[DataContract(Namespace = "urn:harness")]
public sealed class HarnessFault
{
    [DataMember]
    public int Code { get; set; }

    [DataMember]
    public string? Detail { get; set; }
}
