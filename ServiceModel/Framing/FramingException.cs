namespace Ikosa.ServiceModel.Framing;

/// <summary>
/// The peer broke the framing protocol or a framing limit. <see cref="Fault"/> is the fault record to send
/// back before closing, or null when the connection should just be closed.
/// </summary>
public sealed class FramingException : Exception
{
    public FramingException(string message, FramingFault? fault = null) : base(message)
    {
        Fault = fault;
    }

    public FramingFault? Fault { get; }
}
