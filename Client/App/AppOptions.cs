namespace Ikosa.Client.App;

/// <summary>What the app was started with; missing user or password are asked for in the terminal.</summary>
public sealed record AppOptions
{
    public const string DefaultHost = "net.tcp://localhost:8765/ikosa/";

    public required Uri Host { get; init; }

    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>A script file, or "-" for standard input: run its commands without a terminal UI.</summary>
    public string? Script { get; init; }

    /// <summary>Connect over TLS (the host runs with --certificate).</summary>
    public bool Tls { get; init; }

    /// <summary>Trust exactly this certificate (a game master's self-signed one), by SHA-1 or SHA-256 thumbprint; implies TLS.</summary>
    public string? TrustedCertificate { get; init; }

    /// <summary>The client library's connection settings these options stand for.</summary>
    public Library.IkosaClientOptions ToClientOptions() => new()
    {
        BaseAddress = Host,
        Binding = Tls || TrustedCertificate is not null
            ? new ServiceModel.NetTcpBinding(ServiceModel.SecurityMode.Transport) { ReceiveTimeout = TimeSpan.FromHours(4) }
            : new ServiceModel.NetTcpBinding { ReceiveTimeout = TimeSpan.FromHours(4) },
        TrustedCertificateThumbprint = TrustedCertificate,
    };

    /// <summary>Characters to play at once, by name (the interactive app asks when none are given).</summary>
    public IReadOnlyList<string> Characters { get; init; } = [];

    /// <summary>The base address with the trailing slash the endpoint names are resolved against.</summary>
    public static Uri NormalizeHost(string text)
    {
        var uri = new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
        if (uri.Scheme != "net.tcp")
            throw new UriFormatException($"the host address must be net.tcp://HOST:PORT/ikosa/, not '{text}'");
        return uri;
    }
}
