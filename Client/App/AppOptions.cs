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

    /// <summary>The largest message the app accepts from the host with --web, whatever the configuration says below it.</summary>
    public const long WebMessageSize = 16 * 1024 * 1024;

    /// <summary>The configuration beside the app (app.config, copied as ikosa.config): its client binding is the app's.</summary>
    public static string ConfigurationFile => Path.Combine(AppContext.BaseDirectory, "ikosa.config");

    /// <summary>
    /// The client library's connection settings these options stand for: the binding of the configuration's "login"
    /// client endpoint (the same limits as the host's), or the host's shipped defaults when there is no configuration.
    /// </summary>
    /// <exception cref="ServiceModel.Configuration.ConfigurationErrorsException">The configuration is there but wrong.</exception>
    public Library.IkosaClientOptions ToClientOptions()
    {
        var configured = File.Exists(ConfigurationFile)
            ? Library.IkosaClientOptions.FromConfiguration(ServiceModel.Configuration.ServiceModelSection.Load(ConfigurationFile), Host)
            : new Library.IkosaClientOptions { BaseAddress = Host };
        var binding = configured.Binding.Clone();
        // The graphical table shows a master the whole map: a 256x256 one is about 1 MB, beyond the host's default 1 MiB.
        if (Web)
            binding.MaxReceivedMessageSize = Math.Max(binding.MaxReceivedMessageSize, WebMessageSize);
        if (Tls || TrustedCertificate is not null)
            binding.Security.Mode = ServiceModel.SecurityMode.Transport;
        return configured with { Binding = binding, TrustedCertificateThumbprint = TrustedCertificate ?? configured.TrustedCertificateThumbprint };
    }

    /// <summary>Serve the graphical table on 127.0.0.1 instead of the terminal UI.</summary>
    public bool Web { get; init; }

    /// <summary>The port of the graphical table; 0 takes a free one.</summary>
    public int WebPort { get; init; }

    /// <summary>Open the graphical table in the browser once it is served.</summary>
    public bool OpenBrowser { get; init; } = true;

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
