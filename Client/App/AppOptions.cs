using Ikosa.Client.Library.Trust;
using Ikosa.Contracts;
using Ikosa.ServiceModel;

namespace Ikosa.Client.App;

/// <summary>What the app was started with; missing user or password are asked for in the terminal.</summary>
public sealed record AppOptions
{
    public const string DefaultHost = "net.tcp://localhost:8765/ikosa/";

    public required Uri Host { get; init; }

    public string? User { get; init; }

    /// <summary>The password; with <see cref="Code"/>, the new password chosen with it.</summary>
    public string? Password { get; init; }

    /// <summary>A one-time code from the game master, exchanged for <see cref="Password"/> at login.</summary>
    public string? Code { get; init; }

    /// <summary>A script file, or "-" for standard input: run its commands without a terminal UI.</summary>
    public string? Script { get; init; }

    /// <summary>Connect over TLS even to this machine (a host on another machine is reached over TLS anyway).</summary>
    public bool Tls { get; init; }

    /// <summary>Trust exactly this certificate (a game master's self-signed one), by SHA-1 or SHA-256 thumbprint; implies TLS.</summary>
    public string? TrustedCertificate { get; init; }

    /// <summary>Connect in plain net.tcp to another machine (or join an invite without fingerprint): the user accepts that others can read it.</summary>
    public bool Insecure { get; init; }

    /// <summary>The invite joined with (<c>join INVITE</c>): its address, user and certificate fingerprint.</summary>
    public InviteLink? Invite { get; init; }

    /// <summary>The hosts this user trusts (trust on first use).</summary>
    public string KnownHostsFile { get; init; } = KnownHosts.DefaultPath();

    /// <summary>The configuration beside the app (app.config, copied as ikosa.config): its client binding is the app's.</summary>
    public static string ConfigurationFile => Path.Combine(AppContext.BaseDirectory, "ikosa.config");

    /// <summary>
    /// The client library's connection settings these options stand for: the binding of the configuration's "login"
    /// client endpoint (the same limits as the host's), or the host's shipped defaults when there is no configuration;
    /// secured as <see cref="HostConnection"/> decides (TLS with trust on first use for another machine).
    /// </summary>
    /// <param name="confirm">asks the user whether to trust a host's certificate seen for the first time; null: refuse it</param>
    /// <exception cref="ServiceModel.Configuration.ConfigurationErrorsException">The configuration is there but wrong.</exception>
    /// <exception cref="HostTrustException">An invite for plain net.tcp on another machine, without <see cref="Insecure"/>.</exception>
    public Library.IkosaClientOptions ToClientOptions(Func<HostCertificate, Task<bool>>? confirm = null)
    {
        var options = Secured(confirm);
        if (!Web)
            return options;
        // The graphical table shows a master the whole map: a 256x256 one is about 1 MB, beyond the host's default 1 MiB.
        var binding = options.Binding.Clone();
        binding.MaxReceivedMessageSize = Math.Max(binding.MaxReceivedMessageSize, WebMessageSize);
        return options with { Binding = binding };
    }

    private Library.IkosaClientOptions Secured(Func<HostCertificate, Task<bool>>? confirm)
    {
        var configured = File.Exists(ConfigurationFile)
            ? Library.IkosaClientOptions.FromConfiguration(ServiceModel.Configuration.ServiceModelSection.Load(ConfigurationFile), Host)
            : new Library.IkosaClientOptions { BaseAddress = Host };
        var knownHosts = new KnownHosts(KnownHostsFile);
        if (Invite is { } invite)
            return HostConnection.ForInvite(invite, configured, knownHosts, allowPlain: Insecure);
        if (TrustedCertificate is not null)
        {
            var binding = configured.Binding.Clone();
            binding.Security.Mode = SecurityMode.Transport;
            return configured with { Binding = binding, TrustedCertificateThumbprint = TrustedCertificate };
        }
        var security = Tls ? SecurityMode.Transport : Insecure ? SecurityMode.None : (SecurityMode?)null;
        return HostConnection.ForAddress(Host, configured, knownHosts, confirm, security);
    }

    /// <summary>Serve the graphical table on 127.0.0.1 instead of the terminal UI.</summary>
    public bool Web { get; init; }

    /// <summary>The port of the graphical table; 0 takes a free one.</summary>
    public int WebPort { get; init; }

    /// <summary>Open the graphical table in the browser once it is served.</summary>
    public bool OpenBrowser { get; init; } = true;

    /// <summary>The largest message the app accepts from the host with --web, whatever the configuration says below it.</summary>
    public const long WebMessageSize = 16 * 1024 * 1024;

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
