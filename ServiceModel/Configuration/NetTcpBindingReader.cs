namespace Ikosa.ServiceModel.Configuration;

/// <summary>Reads <c>&lt;bindings&gt;&lt;netTcpBinding&gt;&lt;binding .../&gt;</c> into named <see cref="NetTcpBinding"/>s.</summary>
internal static class NetTcpBindingReader
{
    public const string BindingType = "netTcpBinding";

    /// <summary>The binding configurations by name; "" is the nameless default configuration.</summary>
    public static Dictionary<string, NetTcpBinding> ReadBindings(ConfigElement bindings)
    {
        bindings.AllowAttributes();
        var children = bindings.Children(BindingType);
        var result = new Dictionary<string, NetTcpBinding>(StringComparer.Ordinal);
        var section = bindings.SingleChild(children, BindingType);
        if (section is null)
            return result;

        section.AllowAttributes();
        foreach (var element in section.Children("binding"))
        {
            var binding = ReadBinding(element);
            if (!result.TryAdd(binding.Name, binding))
                throw element.Error("name", $"a netTcpBinding configuration named '{binding.Name}' is already defined; names must be unique.");
        }
        return result;
    }

    private static NetTcpBinding ReadBinding(ConfigElement element)
    {
        element.AllowAttributes(
            "name", "openTimeout", "closeTimeout", "sendTimeout", "receiveTimeout", "maxReceivedMessageSize",
            "maxBufferSize", "maxConnections", "listenBacklog", "transferMode", "channelInitializationTimeout",
            "maxPendingConnectionsPerAddress");
        var binding = new NetTcpBinding { Name = element.OptionalString("name") ?? "" };

        // Only buffered transfer exists here: streamed net.tcp has no callbacks.
        element.OptionalChoice("transferMode", "Buffered");
        if (element.OptionalTimeout("openTimeout") is { } open) binding.OpenTimeout = open;
        if (element.OptionalTimeout("closeTimeout") is { } close) binding.CloseTimeout = close;
        if (element.OptionalTimeout("sendTimeout") is { } send) binding.SendTimeout = send;
        if (element.OptionalTimeout("receiveTimeout") is { } receive) binding.ReceiveTimeout = receive;
        if (element.OptionalTimeout("channelInitializationTimeout") is { } initialization) binding.ChannelInitializationTimeout = initialization;
        if (element.OptionalLong("maxReceivedMessageSize", 1) is { } maxReceived) binding.MaxReceivedMessageSize = maxReceived;
        if (element.OptionalInt("maxBufferSize", 1) is { } maxBuffer) binding.MaxBufferSize = maxBuffer;
        if (element.OptionalInt("maxConnections", 1) is { } maxConnections) binding.MaxConnections = maxConnections;
        if (element.OptionalInt("maxPendingConnectionsPerAddress", 1) is { } perAddress) binding.MaxPendingConnectionsPerAddress = perAddress;
        if (element.OptionalInt("listenBacklog", 1) is { } listenBacklog) binding.ListenBacklog = listenBacklog;

        var children = element.Children("security", "readerQuotas");
        if (element.SingleChild(children, "security") is { } security)
            ReadSecurity(security, binding.Security);
        if (element.SingleChild(children, "readerQuotas") is { } quotas)
            ReadReaderQuotas(quotas, binding);

        try
        {
            binding.Validate();
        }
        catch (InvalidOperationException exception)
        {
            throw element.Error(exception.Message);
        }
        return binding;
    }

    private static void ReadSecurity(ConfigElement element, NetTcpSecurity security)
    {
        element.AllowAttributes("mode");
        // Message and TransportWithMessageCredential need WS-Security, which this runtime does not speak.
        security.Mode = element.OptionalChoice("mode", nameof(SecurityMode.None), nameof(SecurityMode.Transport)) switch
        {
            nameof(SecurityMode.Transport) => SecurityMode.Transport,
            _ => SecurityMode.None,
        };

        var transport = element.SingleChild(element.Children("transport"), "transport");
        if (transport is null)
            return;
        transport.AllowAttributes("clientCredentialType");
        // Windows and Certificate client credentials are refused here: see TcpClientCredentialType.
        transport.OptionalChoice("clientCredentialType", nameof(TcpClientCredentialType.None));
        transport.Children();
        security.Transport.ClientCredentialType = TcpClientCredentialType.None;
    }

    private static void ReadReaderQuotas(ConfigElement element, NetTcpBinding binding)
    {
        element.AllowAttributes("maxDepth", "maxStringContentLength", "maxArrayLength", "maxBytesPerRead", "maxNameTableCharCount");
        element.Children();
        var quotas = binding.ReaderQuotas;
        if (element.OptionalInt("maxDepth", 1) is { } depth) quotas.MaxDepth = depth;
        if (element.OptionalInt("maxStringContentLength", 1) is { } stringLength) quotas.MaxStringContentLength = stringLength;
        if (element.OptionalInt("maxArrayLength", 1) is { } arrayLength) quotas.MaxArrayLength = arrayLength;
        if (element.OptionalInt("maxBytesPerRead", 1) is { } bytesPerRead) quotas.MaxBytesPerRead = bytesPerRead;
        if (element.OptionalInt("maxNameTableCharCount", 1) is { } nameTable) quotas.MaxNameTableCharCount = nameTable;
    }
}
