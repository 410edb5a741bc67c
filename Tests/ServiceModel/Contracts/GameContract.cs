using System.Runtime.Serialization;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.ServiceModel.Contracts;

// A contract with the shapes the harness lacks: out/ref, Task methods, data contracts with known types, nullables.

[ServiceContract(Namespace = "urn:game")]
[ServiceKnownType(typeof(Circle))]
public interface IGameService
{
    [OperationContract]
    bool TryRoll(int sides, out int rolled, ref string log);

    [OperationContract]
    Task<Shape?> MoveAsync(Shape? shape, int? steps);

    [OperationContract]
    Task ResetAsync(string? reason);

    [OperationContract]
    [ServiceKnownType(typeof(Square))]
    Shape[] Shapes(int[] sizes);

    [OperationContract(IsOneWay = true)]
    void Say(string text);

    [OperationContract]
    [FaultContract(typeof(GameFault))]
    void Forbidden();
}

[DataContract(Namespace = "urn:game")]
public class Shape
{
    [DataMember]
    public string? Name { get; set; }
}

[DataContract(Namespace = "urn:game")]
public sealed class Circle : Shape
{
    [DataMember]
    public double Radius { get; set; }
}

[DataContract(Namespace = "urn:game")]
public sealed class Square : Shape
{
    [DataMember]
    public int Side { get; set; }
}

/// <summary>A data contract no operation knows about.</summary>
[DataContract(Namespace = "urn:game")]
public sealed class Triangle : Shape;
