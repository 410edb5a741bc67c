namespace Ikosa.ServiceModel.Framing;

/// <summary>The value of the Mode record. Buffered NetTcpBinding sessions always use <see cref="Duplex"/>.</summary>
public enum FramingMode : byte
{
    SingletonUnsized = 1,
    Duplex = 2,
    Simplex = 3,
    SingletonSized = 4,
}
