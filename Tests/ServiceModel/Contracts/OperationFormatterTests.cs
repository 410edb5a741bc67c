using System.Xml.Linq;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Channels;
using Ikosa.ServiceModel.Description;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Tests.ServiceModel.Contracts;

public class OperationFormatterTests
{
    private static readonly XNamespace Game = "urn:game";
    private static readonly XNamespace Instance = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly ContractDescription Contract = ContractDescription.GetContract(typeof(IGameService));

    private static OperationDescription Operation(string name) => Contract.Operations.Single(operation => operation.Name == name);

    [Fact]
    public void Out_and_ref_parameters_travel_in_the_reply_after_the_result()
    {
        var tryRoll = Operation("TryRoll");
        Assert.Equal([ParameterDirection.In, ParameterDirection.Out, ParameterDirection.Ref], tryRoll.Parameters.Select(parameter => parameter.Direction));
        Assert.Equal([typeof(int), typeof(int), typeof(string)], tryRoll.Parameters.Select(parameter => parameter.Type));

        var request = tryRoll.Formatter.SerializeRequest([20, 999, "start"]);
        Assert.Equal(["sides", "log"], BodyXml.Render(request).Elements().Select(element => element.Name.LocalName));
        var received = tryRoll.Formatter.DeserializeRequest(request);
        Assert.Equal(new object?[] { 20, 0, "start" }, received);

        var reply = tryRoll.Formatter.SerializeReply(true, [20, 17, "start, rolled 17"]);
        Assert.Equal(["TryRollResult", "rolled", "log"], BodyXml.Render(reply).Elements().Select(element => element.Name.LocalName));
        var arguments = new object?[] { 20, 0, "start" };
        Assert.Equal(true, tryRoll.Formatter.DeserializeReply(reply, arguments));
        Assert.Equal(new object?[] { 20, 17, "start, rolled 17" }, arguments);
    }

    [Fact]
    public void Void_Task_operation_replies_with_an_empty_response_element()
    {
        var reset = Operation("Reset");

        var reply = reset.Formatter.SerializeReply(null, [null]);

        var body = BodyXml.Render(reply);
        Assert.Equal(Game + "ResetResponse", body.Name);
        Assert.False(body.HasElements);
        Assert.Null(reset.Formatter.DeserializeReply(reply, [null]));
    }

    [Fact]
    public void Nulls_are_written_as_nil_and_read_back_as_null()
    {
        var move = Operation("Move");

        var request = move.Formatter.SerializeRequest([null, null]);

        var shape = BodyXml.Render(request).Element(Game + "shape")!;
        Assert.Equal("true", shape.Attribute(Instance + "nil")!.Value);
        Assert.Equal(new object?[] { null, null }, move.Formatter.DeserializeRequest(request));
        Assert.Null(move.Formatter.DeserializeReply(move.Formatter.SerializeReply(null, [null, null]), [null, null]));
    }

    [Fact]
    public void Derived_data_contracts_travel_as_known_types()
    {
        var move = Operation("Move");
        var circle = new Circle { Name = "c", Radius = 2.5 };

        var request = move.Formatter.SerializeRequest([circle, 3]);

        Assert.Equal("Circle", BodyXml.Render(request).Element(Game + "shape")!.Attribute(Instance + "type")!.Value.Split(':')[^1]);
        var received = move.Formatter.DeserializeRequest(request);
        var readCircle = Assert.IsType<Circle>(received[0]);
        Assert.Equal(2.5, readCircle.Radius);
        Assert.Equal("c", readCircle.Name);
        Assert.Equal(3, received[1]);
    }

    [Fact]
    public void Method_known_types_and_arrays_round_trip()
    {
        var shapes = Operation("Shapes");
        Shape[] result = [new Square { Name = "sq", Side = 4 }, new Circle { Radius = 1 }, new Shape { Name = "plain" }];

        var reply = shapes.Formatter.SerializeReply(result, [new[] { 1, 2 }]);
        var request = shapes.Formatter.SerializeRequest([new[] { 1, 2 }]);

        var read = Assert.IsType<Shape[]>(shapes.Formatter.DeserializeReply(reply, [null]));
        Assert.Equal(4, Assert.IsType<Square>(read[0]).Side);
        Assert.IsType<Circle>(read[1]);
        Assert.Equal("plain", read[2].Name);
        Assert.Equal(new[] { 1, 2 }, shapes.Formatter.DeserializeRequest(request)[0]);
        Assert.Equal("http://schemas.microsoft.com/2003/10/Serialization/Arrays",
            BodyXml.Render(request).Element(Game + "sizes")!.Elements().First().Name.NamespaceName);
    }

    [Fact]
    public void An_unknown_derived_type_is_refused_when_serializing_not_later_in_the_encoder()
    {
        var move = Operation("Move");

        Assert.ThrowsAny<System.Runtime.Serialization.SerializationException>(() => move.Formatter.SerializeRequest([new Triangle(), 1]));
    }

    [Fact]
    public void Wrong_argument_count_or_type_is_a_clear_ArgumentException()
    {
        var tryRoll = Operation("TryRoll");

        Assert.Contains("takes 3 arguments", Assert.Throws<ArgumentException>(() => tryRoll.Formatter.SerializeRequest([1])).Message);
        Assert.Contains("'sides' must be a Int32", Assert.Throws<ArgumentException>(() => tryRoll.Formatter.SerializeRequest(["x", 0, ""])).Message);
        Assert.Contains("cannot be null", Assert.Throws<ArgumentException>(() => tryRoll.Formatter.SerializeRequest([null, 0, ""])).Message);
        Assert.Contains("one-way", Assert.Throws<InvalidOperationException>(() => Operation("Say").Formatter.SerializeReply(null, [""])).Message);
    }

    [Fact]
    public void A_request_for_another_operation_is_a_DeserializationFailed_fault()
    {
        var request = Operation("Say").Formatter.SerializeRequest(["hi"]);

        var error = Assert.Throws<FaultException>(() => Operation("Reset").Formatter.DeserializeRequest(request));

        Assert.True(error.Code.IsSenderFault);
        Assert.Equal("DeserializationFailed", error.Code.SubCode!.Name);
        Assert.Contains("'Reset'", error.Reason);
    }

    [Fact]
    public void A_malformed_parameter_is_a_DeserializationFailed_fault()
    {
        var request = new Message("urn:game/IGameService/TryRoll", MessageBody.FromWriter(writer =>
        {
            writer.WriteStartElement("TryRoll", "urn:game");
            writer.WriteElementString("sides", "urn:game", "not a number");
            writer.WriteEndElement();
        }));

        var error = Assert.Throws<FaultException>(() => Operation("TryRoll").Formatter.DeserializeRequest(request));

        Assert.Equal("DeserializationFailed", error.Code.SubCode!.Name);
        Assert.Equal(HarnessMessages.DispatcherNamespace, error.Code.SubCode.Namespace);
        Assert.Equal(HarnessMessages.DispatcherNamespace + "/fault", error.Action); // WCF's NetDispatcherFaultException
        Assert.StartsWith("The formatter threw an exception while trying to deserialize the message: ", error.Reason);
    }

    [Fact]
    public void Missing_unknown_and_reordered_parts_are_tolerated()
    {
        var request = new Message("urn:game/IGameService/TryRoll", MessageBody.FromWriter(writer =>
        {
            writer.WriteStartElement("TryRoll", "urn:game");
            writer.WriteElementString("extra", "urn:game", "ignored");
            writer.WriteElementString("log", "urn:game", "text");
            writer.WriteEndElement();
        }));

        Assert.Equal(new object?[] { 0, 0, "text" }, Operation("TryRoll").Formatter.DeserializeRequest(request));
    }

    [Fact]
    public void A_bad_reply_is_a_CommunicationException_and_leaves_the_arguments_alone()
    {
        var wrongReply = Operation("Shapes").Formatter.SerializeReply(Array.Empty<Shape>(), [Array.Empty<int>()]);
        var arguments = new object?[] { 1, 2, "kept" };

        var error = Assert.Throws<CommunicationException>(() => Operation("TryRoll").Formatter.DeserializeReply(wrongReply, arguments));

        Assert.Contains("TryRoll", error.Message);
        Assert.Equal(new object?[] { 1, 2, "kept" }, arguments);
    }

    [Fact]
    public void Int_and_string_arguments_round_trip_for_any_value()
    {
        var echo = ContractDescription.GetContract(typeof(IEchoService)).FindByAction("urn:harness/IEchoService/Echo")!;
        FsCheck.Check.QuickThrowOnFailure(FsCheck.Fluent.Prop.ForAll<int, string?>((n, s) =>
        {
            var text = s is null ? null : new string(s.Where(c => !char.IsSurrogate(c) && System.Xml.XmlConvert.IsXmlChar(c)).ToArray());
            var received = echo.Formatter.DeserializeRequest(echo.Formatter.SerializeRequest([n, text]));
            var reply = echo.Formatter.DeserializeReply(echo.Formatter.SerializeReply(text, [n, text]), new object?[2]);
            return Equals(received[0], n) && Equals(received[1], text) && Equals(reply, text);
        }));
    }
}
