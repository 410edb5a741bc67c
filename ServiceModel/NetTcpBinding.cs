using System.Xml;

namespace Ikosa.ServiceModel;

/// <summary>
/// The net.tcp binding: buffered transfer, binary session encoding, SOAP 1.2 + WS-Addressing 1.0,
/// optionally upgraded to TLS. Defaults follow WCF except <see cref="Security"/> (None here; WCF's
/// Transport/Windows cannot be provided by this runtime). Setters refuse values WCF refuses;
/// <see cref="Validate"/> checks the rules that involve more than one property.
/// </summary>
public sealed class NetTcpBinding
{
    /// <summary>WCF writes "Infinite" for a timeout that never expires and reads it back as this value.</summary>
    public static readonly TimeSpan InfiniteTimeout = TimeSpan.MaxValue;

    public const string BindingScheme = "net.tcp";

    public NetTcpBinding() : this(SecurityMode.None) { }

    public NetTcpBinding(SecurityMode mode)
    {
        Security = new NetTcpSecurity(mode);
    }

    /// <summary>The binding configuration's name; WCF names an unconfigured binding after its type.</summary>
    public string Name
    {
        get => _name;
        set => _name = value ?? throw new ArgumentNullException(nameof(value));
    }

    public string Scheme => BindingScheme;

    /// <summary>Client: time to connect and complete the preamble.</summary>
    public TimeSpan OpenTimeout { get => _openTimeout; set => _openTimeout = Positive(value); }

    /// <summary>Client: time to close the session gracefully.</summary>
    public TimeSpan CloseTimeout { get => _closeTimeout; set => _closeTimeout = Positive(value); }

    /// <summary>Client: time for a whole call, request to reply.</summary>
    public TimeSpan SendTimeout { get => _sendTimeout; set => _sendTimeout = Positive(value); }

    /// <summary>Server: a session idle for this long is aborted.</summary>
    public TimeSpan ReceiveTimeout { get => _receiveTimeout; set => _receiveTimeout = Positive(value); }

    /// <summary>
    /// Server: a new connection must complete its preamble (TLS handshake included) in this time, or it is dropped.
    /// 5 s here, where WCF's tcpTransport has 30 s: a peer on a LAN or the internet needs well under a second, and
    /// every second given to a silent socket is a second it holds a pending slot.
    /// </summary>
    public TimeSpan ChannelInitializationTimeout
    {
        get => _channelInitializationTimeout;
        set => _channelInitializationTimeout = Positive(value);
    }

    /// <summary>The largest message (sized envelope) accepted; a larger one faults the session.</summary>
    public long MaxReceivedMessageSize
    {
        get => _maxReceivedMessageSize;
        set => _maxReceivedMessageSize = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxReceivedMessageSize must be positive.");
    }

    /// <summary>
    /// The buffer for one message. As in WCF, until it is set explicitly it follows
    /// <see cref="MaxReceivedMessageSize"/> (capped at int.MaxValue), so raising only the latter works.
    /// </summary>
    public int MaxBufferSize
    {
        get => _maxBufferSize ?? (int)Math.Min(MaxReceivedMessageSize, int.MaxValue);
        set => _maxBufferSize = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxBufferSize must be positive.");
    }

    /// <summary>Server: most pending (accepted but not yet opened) sessions; client: pooled connections per endpoint.</summary>
    public int MaxConnections
    {
        get => _maxConnections;
        set => _maxConnections = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxConnections must be positive.");
    }

    /// <summary>
    /// Server (an Ikosa extension): most connections opening at once from one remote address, so that one peer cannot
    /// take all of <see cref="MaxConnections"/>. Beyond it a new connection from that address gets ServerTooBusy.
    /// </summary>
    public int MaxPendingConnectionsPerAddress
    {
        get => _maxPendingConnectionsPerAddress;
        set => _maxPendingConnectionsPerAddress = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxPendingConnectionsPerAddress must be positive.");
    }

    /// <summary>The socket listen backlog (WCF documents 10 as the default).</summary>
    public int ListenBacklog
    {
        get => _listenBacklog;
        set => _listenBacklog = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "ListenBacklog must be positive.");
    }

    /// <summary>Limits for the binary reader (depth, string and array lengths); WCF's defaults.</summary>
    public XmlDictionaryReaderQuotas ReaderQuotas { get; private init; } = new();

    public NetTcpSecurity Security { get; private init; }

    /// <summary>
    /// Checks the rules that span properties: with buffered transfer a message must fit its buffer,
    /// so MaxBufferSize must equal MaxReceivedMessageSize, which must fit in an int.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings are inconsistent; the message says how.</exception>
    public void Validate()
    {
        if (MaxReceivedMessageSize > int.MaxValue)
            throw new InvalidOperationException(
                $"MaxReceivedMessageSize ({MaxReceivedMessageSize}) must not exceed {int.MaxValue} with buffered transfer.");
        if (MaxBufferSize != MaxReceivedMessageSize)
            throw new InvalidOperationException(
                $"MaxBufferSize ({MaxBufferSize}) must equal MaxReceivedMessageSize ({MaxReceivedMessageSize}) with buffered transfer.");
    }

    /// <summary>
    /// A timeout as timers and CancellationTokenSource.CancelAfter accept it: one too long for them
    /// (such as <see cref="InfiniteTimeout"/>) becomes <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    public static TimeSpan ToTimerDelay(TimeSpan timeout) =>
        timeout.TotalMilliseconds > int.MaxValue ? Timeout.InfiniteTimeSpan : timeout;

    /// <summary>An independent copy, so that endpoints sharing a configuration do not share mutable state.</summary>
    public NetTcpBinding Clone()
    {
        var copy = new NetTcpBinding
        {
            Name = Name,
            _openTimeout = _openTimeout,
            _closeTimeout = _closeTimeout,
            _sendTimeout = _sendTimeout,
            _receiveTimeout = _receiveTimeout,
            _channelInitializationTimeout = _channelInitializationTimeout,
            _maxReceivedMessageSize = _maxReceivedMessageSize,
            _maxBufferSize = _maxBufferSize,
            _maxConnections = _maxConnections,
            _maxPendingConnectionsPerAddress = _maxPendingConnectionsPerAddress,
            _listenBacklog = _listenBacklog,
            Security = Security.Clone(),
            ReaderQuotas = new XmlDictionaryReaderQuotas(),
        };
        ReaderQuotas.CopyTo(copy.ReaderQuotas);
        return copy;
    }

    private static TimeSpan Positive(TimeSpan value) => value > TimeSpan.Zero
        ? value
        : throw new ArgumentOutOfRangeException(nameof(value), value, "A timeout must be positive.");

    private string _name = nameof(NetTcpBinding);
    private TimeSpan _openTimeout = TimeSpan.FromMinutes(1);
    private TimeSpan _closeTimeout = TimeSpan.FromMinutes(1);
    private TimeSpan _sendTimeout = TimeSpan.FromMinutes(1);
    private TimeSpan _receiveTimeout = TimeSpan.FromMinutes(10);
    private TimeSpan _channelInitializationTimeout = TimeSpan.FromSeconds(5);
    private long _maxReceivedMessageSize = 65536;
    private int? _maxBufferSize;
    private int _maxConnections = 10;
    private int _maxPendingConnectionsPerAddress = 8;
    private int _listenBacklog = 10;
}
