namespace Ikosa.ServiceModel;

/// <summary>
/// Security settings of a <see cref="NetTcpBinding"/>. The default mode is None; WCF's default is
/// Transport with Windows credentials, which this runtime cannot provide, so a WCF peer must be
/// configured explicitly to match.
/// </summary>
public sealed class NetTcpSecurity
{
    public NetTcpSecurity() : this(SecurityMode.None) { }

    public NetTcpSecurity(SecurityMode mode)
    {
        Mode = mode;
    }

    public SecurityMode Mode
    {
        get => _mode;
        set => _mode = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Security mode must be None or Transport.");
    }

    public TcpTransportSecurity Transport { get; private init; } = new();

    private SecurityMode _mode;

    internal NetTcpSecurity Clone() => new(Mode) { Transport = Transport.Clone() };
}
