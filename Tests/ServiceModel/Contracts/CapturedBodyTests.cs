using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Tests.ServiceModel.Contracts;

/// <summary>Our bodies against the ones stock WCF and CoreWCF exchanged in the recorded session, both ways.</summary>
public class CapturedBodyTests
{
    private const string Ns = "urn:harness/IEchoService/";
    private static readonly ContractDescription Contract = ContractDescription.GetContract(typeof(IEchoService));

    private static OperationDescription Operation(string name) => Contract.Operations.Single(operation => operation.Name == name);

    private static OperationDescription Callback(string name) => Contract.CallbackOperations.Single(operation => operation.Name == name);

    [Fact]
    public void Echo_request_matches_the_capture_both_ways()
    {
        var captured = CapturedSession.Envelope(Ns + "Echo", body => body.Value == "42hello");

        var request = Operation("Echo").Formatter.SerializeRequest([42, "hello"]);

        Assert.Equal(Ns + "Echo", request.Action);
        BodyXml.AssertEquivalent(CapturedSession.BodyContent(captured), BodyXml.Render(request));
        Assert.Equal(new object?[] { 42, "hello" }, Operation("Echo").Formatter.DeserializeRequest(BodyXml.ReceivedMessage(captured)));
    }

    [Fact]
    public void A_Task_only_EchoAsync_method_is_operation_Echo_with_the_captured_bodies()
    {
        var operation = ContractDescription.GetContract(typeof(IAsyncOnlyEchoService)).Operations.Single();
        var request = CapturedSession.Envelope(Ns + "Echo", body => body.Value == "42hello");
        var reply = CapturedSession.Envelope(Ns + "EchoResponse", body => body.Value == "hello:42");

        Assert.Equal(("Echo", Ns + "Echo", Ns + "EchoResponse"), (operation.Name, operation.Action, operation.ReplyAction));
        BodyXml.AssertEquivalent(CapturedSession.BodyContent(request), BodyXml.Render(operation.Formatter.SerializeRequest([42, "hello"])));
        BodyXml.AssertEquivalent(CapturedSession.BodyContent(reply), BodyXml.Render(operation.Formatter.SerializeReply("hello:42", [42, "hello"])));
        Assert.Equal(new object?[] { 42, "hello" }, operation.Formatter.DeserializeRequest(BodyXml.ReceivedMessage(request)));
    }

    [Fact]
    public void Echo_reply_matches_the_capture_both_ways()
    {
        var captured = CapturedSession.Envelope(Ns + "EchoResponse", body => body.Value == "hello:42");

        var reply = Operation("Echo").Formatter.SerializeReply("hello:42", [42, "hello"]);

        Assert.Equal(Ns + "EchoResponse", reply.Action);
        BodyXml.AssertEquivalent(CapturedSession.BodyContent(captured), BodyXml.Render(reply));
        Assert.Equal("hello:42", Operation("Echo").Formatter.DeserializeReply(BodyXml.ReceivedMessage(captured), new object?[2]));
    }

    [Fact]
    public void Parameterless_request_and_int_reply_match_the_capture()
    {
        var operation = Operation("GetNotifyCount");
        var capturedRequest = CapturedSession.Envelope(Ns + "GetNotifyCount");
        var capturedReply = CapturedSession.Envelope(Ns + "GetNotifyCountResponse");

        BodyXml.AssertEquivalent(CapturedSession.BodyContent(capturedRequest), BodyXml.Render(operation.Formatter.SerializeRequest([])));
        BodyXml.AssertEquivalent(CapturedSession.BodyContent(capturedReply), BodyXml.Render(operation.Formatter.SerializeReply(99, [])));
        Assert.Empty(operation.Formatter.DeserializeRequest(BodyXml.ReceivedMessage(capturedRequest)));
        Assert.Equal(99, operation.Formatter.DeserializeReply(BodyXml.ReceivedMessage(capturedReply), []));
    }

    [Fact]
    public void One_way_requests_match_the_capture()
    {
        var notify = CapturedSession.Envelope(Ns + "Notify", body => body.Value == "0one-way");
        var start = CapturedSession.Envelope(Ns + "StartCallbacks");

        BodyXml.AssertEquivalent(CapturedSession.BodyContent(notify), BodyXml.Render(Operation("Notify").Formatter.SerializeRequest([0, "one-way"])));
        BodyXml.AssertEquivalent(CapturedSession.BodyContent(start), BodyXml.Render(Operation("StartCallbacks").Formatter.SerializeRequest([50, "tick"])));
        Assert.Equal(new object?[] { 50, "tick" }, Operation("StartCallbacks").Formatter.DeserializeRequest(BodyXml.ReceivedMessage(start)));
    }

    [Fact]
    public void Callbacks_use_the_service_contract_action_and_match_the_capture()
    {
        var tick = CapturedSession.Envelope(Ns + "OnTick", body => body.Value == "1tick");
        var ping = CapturedSession.Envelope(Ns + "ClientPing");
        var pong = CapturedSession.Envelope(Ns + "ClientPingResponse");

        var tickMessage = Callback("OnTick").Formatter.SerializeRequest([1, "tick"]);
        var pingMessage = Callback("ClientPing").Formatter.SerializeRequest([5]);
        var pongMessage = Callback("ClientPing").Formatter.SerializeReply("client pong 5", [5]);

        Assert.Equal(Ns + "OnTick", tickMessage.Action);
        Assert.Equal(Ns + "ClientPing", pingMessage.Action);
        Assert.Equal(Ns + "ClientPingResponse", pongMessage.Action);
        BodyXml.AssertEquivalent(CapturedSession.BodyContent(tick), BodyXml.Render(tickMessage));
        BodyXml.AssertEquivalent(CapturedSession.BodyContent(ping), BodyXml.Render(pingMessage));
        BodyXml.AssertEquivalent(CapturedSession.BodyContent(pong), BodyXml.Render(pongMessage));
        Assert.Equal(new object?[] { 5 }, Callback("ClientPing").Formatter.DeserializeRequest(BodyXml.ReceivedMessage(ping)));
        Assert.Equal("client pong 5", Callback("ClientPing").Formatter.DeserializeReply(BodyXml.ReceivedMessage(pong), new object?[1]));
    }

    [Fact]
    public void Typed_fault_matches_the_capture_both_ways()
    {
        var operation = Operation("Fail");
        var captured = CapturedSession.Envelope(Ns + "FailHarnessFaultFault");
        var thrown = new FaultException<HarnessFault>(new HarnessFault { Code = 17, Detail = "boom" }, "typed fault: boom");

        var fault = FaultConverter.CreateFault(thrown, operation, includeExceptionDetail: false);

        Assert.Equal(Ns + "FailHarnessFaultFault", fault.Action);
        Assert.True(fault.IsFault);
        BodyXml.AssertEquivalent(CapturedSession.BodyContent(captured), BodyXml.Render(fault));
        var read = Assert.IsType<FaultException<HarnessFault>>(FaultConverter.ReadFault(BodyXml.ReceivedMessage(captured), operation));
        Assert.Equal(17, read.Detail.Code);
        Assert.Equal("boom", read.Detail.Detail);
        Assert.Equal("typed fault: boom", read.Reason);
        Assert.True(read.Code.IsSenderFault);
        Assert.Equal(Ns + "FailHarnessFaultFault", read.Action);
    }

    [Fact]
    public void A_typed_fault_reply_is_thrown_by_DeserializeReply()
    {
        var captured = CapturedSession.Envelope(Ns + "FailHarnessFaultFault");

        var error = Assert.Throws<FaultException<HarnessFault>>(() =>
            Operation("Fail").Formatter.DeserializeReply(BodyXml.ReceivedMessage(captured), new object?[2]));

        Assert.Equal(17, error.Detail.Code);
    }

    [Fact]
    public void Internal_service_fault_matches_the_capture_both_ways()
    {
        var operation = Operation("Crash");
        var captured = CapturedSession.Envelope("http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher/fault");

        var fault = FaultConverter.CreateFault(new InvalidOperationException("kaboom"), operation, includeExceptionDetail: false);

        Assert.Equal("http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher/fault", fault.Action);
        BodyXml.AssertEquivalent(CapturedSession.BodyContent(captured), BodyXml.Render(fault));
        var read = Assert.IsType<FaultException>(FaultConverter.ReadFault(BodyXml.ReceivedMessage(captured), operation));
        Assert.True(read.Code.IsReceiverFault);
        Assert.Equal("InternalServiceFault", read.Code.SubCode!.Name);
        Assert.Equal("http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher", read.Code.SubCode.Namespace);
        Assert.StartsWith("The server was unable to process the request due to an internal error.", read.Reason);
        Assert.DoesNotContain("kaboom", read.Reason);
    }

    [Fact]
    public void Crash_and_CallMeBack_requests_match_the_capture()
    {
        var crash = CapturedSession.Envelope(Ns + "Crash");
        var callMeBack = CapturedSession.Envelope(Ns + "CallMeBackResponse");

        BodyXml.AssertEquivalent(CapturedSession.BodyContent(crash), BodyXml.Render(Operation("Crash").Formatter.SerializeRequest(["kaboom"])));
        BodyXml.AssertEquivalent(CapturedSession.BodyContent(callMeBack),
            BodyXml.Render(Operation("CallMeBack").Formatter.SerializeReply("server got client pong 5", [5])));
    }
}

/// <summary>The captured contract as a client written today would declare it: Task methods only, named FooAsync.</summary>
[ServiceContract(Name = "IEchoService", Namespace = "urn:harness")]
public interface IAsyncOnlyEchoService
{
    [OperationContract]
    Task<string> EchoAsync(int n, string s);
}
