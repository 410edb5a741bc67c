namespace Ikosa.ServiceModel.Description;

/// <summary>How a parameter travels: in the request, in the reply, or both.</summary>
public enum ParameterDirection
{
    In,
    Out,
    Ref,
}

/// <summary>One parameter of an operation: its body element name, its type (without the by-ref) and its position.</summary>
public sealed class ParameterDescription(string name, Type type, ParameterDirection direction, int position)
{
    /// <summary>The element name in the body (the parameter name, XML-encoded).</summary>
    public string Name { get; } = name;

    /// <summary>The value type; for out/ref parameters the element type of the by-ref.</summary>
    public Type Type { get; } = type;

    public ParameterDirection Direction { get; } = direction;

    /// <summary>Index in the method's parameter list and in the arguments array.</summary>
    public int Position { get; } = position;

    /// <summary>Sent in the request (In and Ref).</summary>
    public bool IsInput => Direction != ParameterDirection.Out;

    /// <summary>Sent back in the reply (Out and Ref).</summary>
    public bool IsOutput => Direction != ParameterDirection.In;

    public override string ToString() => $"{Direction} {Type.Name} {Name}";
}
