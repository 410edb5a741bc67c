using System.Xml.Linq;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Tests.ServiceModel.Contracts;

public class FaultConverterTests
{
    private const string DispatcherNamespace = "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher";
    private static readonly XNamespace Soap = CapturedSession.Soap;
    private static readonly ContractDescription Game = ContractDescription.GetContract(typeof(IGameService));
    private static readonly OperationDescription Forbidden = Game.Operations.Single(operation => operation.Name == "Forbidden");

    [Fact]
    public void Typed_fault_round_trips_with_an_equal_detail()
    {
        var thrown = new FaultException<GameFault>(new GameFault { Why = "not your turn" }, "refused");

        var message = FaultConverter.CreateFault(thrown, Forbidden, includeExceptionDetail: false);
        var read = Assert.IsType<FaultException<GameFault>>(FaultConverter.ReadFault(message, Forbidden));

        Assert.Equal("urn:game/IGameService/ForbiddenGameFaultFault", message.Action);
        Assert.Equal("not your turn", read.Detail.Why);
        Assert.Equal("refused", read.Reason);
        Assert.Equal("refused", read.Message);
        Assert.True(read.Code.IsSenderFault);
        Assert.Equal(message.Action, read.Action);
    }

    [Fact]
    public void Typed_fault_with_an_undeclared_detail_arrives_as_a_plain_FaultException()
    {
        var thrown = new FaultException<HarnessFault>(new HarnessFault { Code = 1 }, "undeclared");

        var message = FaultConverter.CreateFault(thrown, Forbidden, includeExceptionDetail: false);
        var read = FaultConverter.ReadFault(message, Forbidden);

        Assert.Equal("http://www.w3.org/2005/08/addressing/soap/fault", message.Action);
        Assert.Equal(typeof(FaultException), read.GetType());
        Assert.Equal("undeclared", ((FaultException)read).Reason);
    }

    [Fact]
    public void Plain_fault_round_trips_with_the_default_fault_action_and_Sender()
    {
        var message = FaultConverter.CreateFault(new FaultException("nope"), Forbidden, includeExceptionDetail: true);
        var read = Assert.IsType<FaultException>(FaultConverter.ReadFault(message, Forbidden));

        Assert.Equal("http://www.w3.org/2005/08/addressing/soap/fault", message.Action);
        Assert.True(message.IsFault);
        Assert.Equal("nope", read.Reason);
        Assert.True(read.Code.IsSenderFault);
        Assert.Null(read.Code.SubCode);
        Assert.Null(BodyXml.Render(message).Element(Soap + "Detail"));
    }

    [Fact]
    public void Plain_fault_keeps_its_code_subcode_and_action()
    {
        var code = FaultCode.CreateReceiverFaultCode("Busy", "urn:game");
        var message = FaultConverter.CreateFault(new FaultException("later", code, "urn:game/busy"), null, includeExceptionDetail: false);

        var read = Assert.IsType<FaultException>(FaultConverter.ReadFault(message, null));

        Assert.Equal("urn:game/busy", message.Action);
        Assert.True(read.Code.IsReceiverFault);
        Assert.Equal("Busy", read.Code.SubCode!.Name);
        Assert.Equal("urn:game", read.Code.SubCode.Namespace);
    }

    [Fact]
    public void An_application_top_level_code_becomes_a_Sender_subcode()
    {
        var message = FaultConverter.CreateFault(new FaultException("odd", new FaultCode("Odd", "urn:game")), null, includeExceptionDetail: false);

        var read = Assert.IsType<FaultException>(FaultConverter.ReadFault(message, null));

        Assert.True(read.Code.IsSenderFault);
        Assert.Equal("Odd", read.Code.SubCode!.Name);
    }

    [Fact]
    public void Internal_service_fault_without_detail_hides_the_exception()
    {
        var message = FaultConverter.CreateFault(new InvalidOperationException("secret"), Forbidden, includeExceptionDetail: false);
        var body = BodyXml.Render(message);

        var read = Assert.IsType<FaultException>(FaultConverter.ReadFault(message, Forbidden));

        Assert.Equal(DispatcherNamespace + "/fault", message.Action);
        Assert.DoesNotContain("secret", body.ToString());
        Assert.True(read.Code.IsReceiverFault);
        Assert.Equal("InternalServiceFault", read.Code.SubCode!.Name);
        Assert.True(FaultConverter.IsSessionFatal(new InvalidOperationException()));
        Assert.False(FaultConverter.IsSessionFatal(new FaultException("x")));
    }

    [Fact]
    public void Internal_service_fault_with_detail_carries_an_ExceptionDetail()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("outer", new ArgumentException("inner"));
        }
        catch (Exception error)
        {
            thrown = error;
        }

        var message = FaultConverter.CreateFault(thrown, null, includeExceptionDetail: true);
        var detailElement = BodyXml.Render(message).Element(Soap + "Detail")!.Elements().Single();
        var read = Assert.IsType<FaultException<ExceptionDetail>>(FaultConverter.ReadFault(message, Forbidden));

        Assert.Equal(XName.Get("ExceptionDetail", "http://schemas.datacontract.org/2004/07/System.ServiceModel"), detailElement.Name);
        Assert.Equal(["HelpLink", "InnerException", "Message", "StackTrace", "Type"], detailElement.Elements().Select(element => element.Name.LocalName));
        Assert.Equal("outer", read.Reason);
        Assert.Equal("outer", read.Detail.Message);
        Assert.Equal("System.InvalidOperationException", read.Detail.Type);
        Assert.Contains(nameof(Internal_service_fault_with_detail_carries_an_ExceptionDetail), read.Detail.StackTrace);
        Assert.Equal("inner", read.Detail.InnerException!.Message);
        Assert.Equal("InternalServiceFault", read.Code.SubCode!.Name);
    }

    [Fact]
    public void Action_not_supported_round_trips_to_ActionNotSupportedException()
    {
        var message = FaultConverter.CreateActionNotSupportedFault("urn:nope");
        var subcode = BodyXml.Render(message).Element(Soap + "Code")!.Element(Soap + "Subcode")!.Element(Soap + "Value")!;

        var read = Assert.IsType<ActionNotSupportedException>(FaultConverter.ReadFault(message, null));

        Assert.Equal("http://www.w3.org/2005/08/addressing/fault", message.Action);
        Assert.Equal("a:ActionNotSupported", subcode.Value); // the envelope's own a: prefix, as WCF writes it
        Assert.StartsWith("The message with Action 'urn:nope' cannot be processed at the receiver, due to a ContractFilter mismatch", read.Message);
        Assert.IsType<ActionNotSupportedException>(FaultConverter.ReadFault(FaultConverter.CreateFault(read, null, false), null));
    }

    [Fact]
    public void Destination_unreachable_and_must_understand_map_to_WCF_exceptions()
    {
        var unreachable = FaultConverter.ReadFault(FaultConverter.CreateDestinationUnreachableFault("net.tcp://h/x"), null);
        var mustUnderstand = FaultConverter.CreateMustUnderstandFault([("Secret", "urn:ext")]);

        Assert.IsType<EndpointNotFoundException>(unreachable);
        Assert.Contains("AddressFilter mismatch", unreachable.Message);
        Assert.Equal("s:MustUnderstand", BodyXml.Render(mustUnderstand).Element(Soap + "Code")!.Element(Soap + "Value")!.Value);
        var read = Assert.IsType<ProtocolException>(FaultConverter.ReadFault(mustUnderstand, null));
        Assert.StartsWith("The header 'Secret' from the namespace 'urn:ext' was not understood", read.Message);
        Assert.Throws<ArgumentException>(() => FaultConverter.CreateMustUnderstandFault([]));
    }

    [Theory]
    [InlineData("<NotAFault xmlns=\"urn:x\"/>")]
    [InlineData("<s:Fault xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Reason><s:Text>no code</s:Text></s:Reason></s:Fault>")]
    [InlineData("<s:Fault xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Code><s:Value>zz:Sender</s:Value></s:Code><s:Reason><s:Text>x</s:Text></s:Reason></s:Fault>")]
    [InlineData("<s:Fault xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Code><s:Value>s:Sender</s:Value></s:Code></s:Fault>")]
    public void A_malformed_fault_gives_a_ProtocolException_and_never_throws(string faultXml)
    {
        var message = new Message("urn:bad", MessageBody.FromWriter(writer =>
        {
            using var reader = System.Xml.XmlReader.Create(new StringReader(faultXml));
            writer.WriteNode(reader, defattr: true);
        }, isFault: true));

        var read = FaultConverter.ReadFault(message, Forbidden);

        Assert.IsType<ProtocolException>(read);
        Assert.Contains("urn:bad", read.Message);
    }

    [Fact]
    public void A_detail_that_cannot_be_serialized_falls_back_to_an_internal_service_fault()
    {
        var thrown = new FaultException<object>(new Triangle(), "bad detail");

        var message = FaultConverter.CreateFault(thrown, Forbidden, includeExceptionDetail: false);

        Assert.Equal(DispatcherNamespace + "/fault", message.Action);
    }

    [Fact]
    public void A_reason_that_cannot_be_written_falls_back_to_an_internal_service_fault()
    {
        var message = FaultConverter.CreateFault(new FaultException("broken \uD800 text"), Forbidden, includeExceptionDetail: true);

        Assert.Equal(DispatcherNamespace + "/fault", message.Action);
        Assert.IsType<FaultException>(FaultConverter.ReadFault(message, Forbidden));
    }
}
