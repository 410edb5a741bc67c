using System.Runtime.Serialization;
using System.Xml;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Description;

namespace Ikosa.Tests.ServiceModel.Runtime;

/// <summary>
/// WCF's DataContractSerializerOperationBehavior.DataContractResolver: a service sends a type its contract's known types
/// do not list (a plug-in's), a client that knows it reads it, and a client that does not maps it to a stand-in instead
/// of failing the call. Each factory and each service has its own description, so one's resolver is nobody else's.
/// </summary>
public sealed class DataContractResolverTests
{
    [Fact]
    public async Task A_service_s_resolver_sends_a_plug_in_type_that_a_client_reads_or_stands_in_for()
    {
        await using var host = await LoopbackHost.StartAsync<ShapeService, IShapeService>(h =>
        {
            foreach (var callback in h.Endpoints.Single().Contract.CallbackOperations)
                callback.OperationBehaviors.Find<DataContractSerializerOperationBehavior>()!.DataContractResolver = new ShapeResolver([typeof(Square)]);
        });

        var knowing = new ShapeCallback();
        var knowingFactory = host.DuplexFactory<IShapeService>(knowing);
        Resolve(knowingFactory, new ShapeResolver([typeof(Square)]));
        await knowingFactory.CreateChannel().SendShapesAsync();

        var unaware = new ShapeCallback();
        var unawareFactory = host.DuplexFactory<IShapeService>(unaware);
        Resolve(unawareFactory, new ShapeResolver([]));
        await unawareFactory.CreateChannel().SendShapesAsync();

        var known = await knowing.Received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["circle 2", "square 3"], known.Select(s => s.ToString()));
        var stood = await unaware.Received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("circle 2", stood[0].ToString());
        var standIn = Assert.IsType<UnknownShape>(stood[1]);
        Assert.Equal("square", standIn.Kind);     // the base's members are read
        Assert.NotNull(standIn.ExtensionData);    // and the plug-in's are kept
        knowingFactory.Close();
        unawareFactory.Close();
    }

    [Fact]
    public void Each_factory_has_its_own_description_and_a_resolver_is_fixed_once_used()
    {
        var address = new EndpointAddress("net.tcp://127.0.0.1:1/echo");
        var first = new DuplexChannelFactory<IShapeService>(new ShapeCallback(), LoopbackHost.Binding(), address);
        var second = new DuplexChannelFactory<IShapeService>(new ShapeCallback(), LoopbackHost.Binding(), address);
        Resolve(first, new ShapeResolver([]));

        Assert.NotSame(first.Contract, second.Contract);
        Assert.Null(second.Contract.CallbackOperations.Single().OperationBehaviors.Find<DataContractSerializerOperationBehavior>()!.DataContractResolver);

        var describe = first.Contract.Operations.Single(o => o.Name == "Describe");
        describe.Formatter.SerializeRequest([new Circle { Kind = "circle", Radius = 1 }]);
        var behavior = describe.OperationBehaviors.Find<DataContractSerializerOperationBehavior>()!;
        var error = Assert.Throws<InvalidOperationException>(() => behavior.DataContractResolver = new ShapeResolver([]));
        Assert.Contains("before the first call", error.Message);
    }

    private static void Resolve(ChannelFactory<IShapeService> factory, DataContractResolver resolver)
    {
        foreach (var operation in factory.Contract.Operations.Concat(factory.Contract.CallbackOperations))
            operation.OperationBehaviors.Find<DataContractSerializerOperationBehavior>()!.DataContractResolver = resolver;
    }
}

[ServiceContract(Namespace = "urn:resolver", CallbackContract = typeof(IShapeCallback), SessionMode = SessionMode.Required)]
public interface IShapeService
{
    [OperationContract]
    Task SendShapesAsync();

    [OperationContract]
    Task<string> DescribeAsync(Shape shape);
}

public interface IShapeCallback
{
    [OperationContract(IsOneWay = true)]
    Task OnShapesAsync(List<Shape> shapes);
}

public sealed class ShapeService : IShapeService
{
    public Task SendShapesAsync() => OperationContext.Current!.GetCallbackChannel<IShapeCallback>()
        .OnShapesAsync([new Circle { Kind = "circle", Radius = 2 }, new Square { Kind = "square", Side = 3 }]);

    public Task<string> DescribeAsync(Shape shape) => Task.FromResult(shape.ToString()!);
}

public sealed class ShapeCallback : IShapeCallback
{
    public TaskCompletionSource<List<Shape>> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task OnShapesAsync(List<Shape> shapes)
    {
        Received.TrySetResult(shapes);
        return Task.CompletedTask;
    }
}

[DataContract(Namespace = "urn:resolver")]
[KnownType(typeof(Circle))]
[KnownType(typeof(UnknownShape))]
public abstract class Shape
{
    [DataMember] public string Kind { get; set; } = "";
}

[DataContract(Namespace = "urn:resolver")]
public sealed class Circle : Shape
{
    [DataMember] public int Radius { get; set; }

    public override string ToString() => $"{Kind} {Radius}";
}

/// <summary>A plug-in's shape: not among <see cref="Shape"/>'s known types.</summary>
[DataContract(Namespace = "urn:resolver:plug-in")]
public sealed class Square : Shape
{
    [DataMember] public int Side { get; set; }

    public override string ToString() => $"{Kind} {Side}";
}

[DataContract(Namespace = "urn:resolver")]
public sealed class UnknownShape : Shape, IExtensibleDataObject
{
    public ExtensionDataObject? ExtensionData { get; set; }
}

/// <summary>Known types first, then the plug-in types given, then (reading) any other shape as <see cref="UnknownShape"/>.</summary>
public sealed class ShapeResolver(IReadOnlyList<Type> plugIns) : DataContractResolver
{
    public override Type? ResolveName(string typeName, string? typeNamespace, Type? declaredType, DataContractResolver knownTypeResolver) =>
        knownTypeResolver.ResolveName(typeName, typeNamespace, declaredType, knownTypeResolver)
        ?? plugIns.FirstOrDefault(t => t.Name == typeName && typeNamespace == "urn:resolver:plug-in")
        ?? (declaredType == typeof(Shape) ? typeof(UnknownShape) : null);

    public override bool TryResolveType(Type type, Type? declaredType, DataContractResolver knownTypeResolver,
        out XmlDictionaryString? typeName, out XmlDictionaryString? typeNamespace)
    {
        if (plugIns.Contains(type))
        {
            var names = new XmlDictionary();
            (typeName, typeNamespace) = (names.Add(type.Name), names.Add("urn:resolver:plug-in"));
            return true;
        }
        return knownTypeResolver.TryResolveType(type, declaredType, knownTypeResolver, out typeName, out typeNamespace);
    }
}
