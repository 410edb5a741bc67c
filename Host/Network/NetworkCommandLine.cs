using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ikosa.Host.Startup;

namespace Ikosa.Host.Network;

/// <summary>The host's network options: where it listens, TLS and its certificate, and the explicit ways out of TLS.</summary>
public sealed class NetworkCommandLine
{
    private readonly Option<string[]> _listen = new("--listen")
    {
        Description = "Listen here (repeatable): an IP address of this machine, localhost, or '*' for every interface, with :PORT or not. " +
                      "Other machines are served TLS. Default: the configuration's addresses (localhost:8765).",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<int?> _port = new("--port") { Description = "The port of every address that names none, instead of the configured one (0 picks a free one)." };
    private readonly Option<FileInfo?> _certificate = new("--certificate") { Description = "A PFX file: serve every endpoint over TLS with this certificate instead of the host's own." };
    private readonly Option<string?> _certificatePassword = new("--certificate-password") { Description = "The PFX file's password." };
    private readonly Option<bool> _insecure = new("--insecure") { Description = "Serve plain net.tcp (no TLS) on addresses other machines can reach: anyone on the network can read the game." };
    private readonly Option<bool> _insecurePasswords = new("--insecure-passwords") { Description = "With --insecure: accept passwords sent in clear from other machines (refused otherwise)." };
    private readonly Option<bool> _newCertificate = new("--new-certificate") { Description = "Make a new certificate of the host's own, replacing a missing, unreadable or old one (players confirm its new fingerprint)." };

    public static NetworkCommandLine AddTo(RootCommand root)
    {
        var options = new NetworkCommandLine();
        foreach (var option in new Option[] { options._listen, options._port, options._certificate, options._certificatePassword, options._insecure, options._insecurePasswords, options._newCertificate })
            root.Options.Add(option);
        return options;
    }

    /// <summary>Whether the game master asked for a new certificate of the host's own.</summary>
    public bool RenewCertificate(ParseResult parse) => parse.GetValue(_newCertificate);

    /// <exception cref="HostStartException">A listen address or the certificate is wrong.</exception>
    public NetworkOptions Read(ParseResult parse, HostSettings configured)
    {
        List<ListenAddress> listen;
        try
        {
            listen = (parse.GetValue(_listen) ?? []).Select(ListenAddress.Parse).ToList();
        }
        catch (FormatException error)
        {
            throw new HostStartException(error.Message);
        }
        return new NetworkOptions
        {
            Listen = listen,
            Port = parse.GetValue(_port),
            Insecure = parse.GetValue(_insecure),
            InsecurePasswords = parse.GetValue(_insecurePasswords),
            Certificate = LoadCertificate(parse.GetValue(_certificate), parse.GetValue(_certificatePassword)),
        }.Over(configured);
    }

    private static X509Certificate2? LoadCertificate(FileInfo? pfx, string? password)
    {
        if (pfx is null)
            return null;
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(pfx.FullName, password);
        }
        catch (Exception error) when (error is CryptographicException or IOException)
        {
            throw new HostStartException($"Cannot load the certificate {pfx.FullName}: {error.Message} Check the file and --certificate-password.");
        }
    }
}
