using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ikosa.Contracts;
using Ikosa.Host.Startup;

namespace Ikosa.Host.Network;

/// <summary>
/// The host's own certificate, kept beside the game data (<see cref="DataFolder"/>) so that players who trusted it once
/// keep trusting it: <c>host-certificate.pfx</c> (readable by its owner only: it holds the private key) and
/// <c>host-certificate.sha256</c> (its fingerprint, which also records that one was made). Made on the first start that
/// needs it; never made again silently — a missing or unreadable certificate stops the start, saying what to do, and
/// only <c>--new-certificate</c> replaces it.
/// </summary>
public sealed record OwnCertificate(X509Certificate2 Certificate, string Path, bool Created, IReadOnlyList<string> Warnings)
{
    public const string FileName = "host-certificate.pfx";
    public const string FingerprintFileName = "host-certificate.sha256";

    /// <summary>A certificate closer than this to its end is renewed only when asked, but the game master is told at start.</summary>
    private static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    public CertificateFingerprint Fingerprint => CertificateFingerprint.Of(Certificate);

    /// <exception cref="HostStartException">The certificate is missing or unreadable (and <paramref name="renew"/> is not set), or cannot be written.</exception>
    public static OwnCertificate LoadOrCreate(string folder, LocalNetwork network, bool renew, DateTimeOffset now)
    {
        var path = System.IO.Path.Combine(folder, FileName);
        var record = System.IO.Path.Combine(folder, FingerprintFileName);
        if (!renew && File.Exists(path))
            return Load(path, now);
        if (!renew && File.Exists(record))
            throw new HostStartException(
                $"The host's certificate {path} is missing; players' apps know it as {ReadRecord(record)}. Put the file back " +
                $"(from a backup), or start once with --new-certificate to make a new one: every player's app will then warn " +
                "that the host's certificate changed, and each player must accept the new one.");
        return Create(path, record, network, now);
    }

    private static OwnCertificate Load(string path, DateTimeOffset now)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new HostStartException(
                $"The host's certificate {path} cannot be read: {error.Message} Restore it from a backup, or start once with " +
                "--new-certificate to make a new one (every player's app will then warn that the host's certificate changed).");
        }
        if (!certificate.HasPrivateKey)
            throw new HostStartException($"The host's certificate {path} has no private key: restore it from a backup, or start once with --new-certificate.");
        var warnings = new List<string>();
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            warnings.Add($"{path} holds the host's private key and others may read it: chmod 600 '{path}'.");
        if (certificate.NotAfter.ToUniversalTime() - now.UtcDateTime < ExpiryWarning)
            warnings.Add($"The host's certificate expires on {certificate.NotAfter:yyyy-MM-dd}: start once with --new-certificate to make a new one before then (players then accept its new fingerprint).");
        return new OwnCertificate(certificate, path, Created: false, warnings);
    }

    private static OwnCertificate Create(string path, string record, LocalNetwork network, DateTimeOffset now)
    {
        var certificate = SelfSignedCertificate.Create(network, now);
        var partial = path + ".partial";
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.Delete(partial);
            using (var file = new FileStream(partial, OwnerOnly()))
                file.Write(certificate.Export(X509ContentType.Pfx));
            File.Move(partial, path, overwrite: true);
            File.WriteAllText(record, CertificateFingerprint.Of(certificate) + Environment.NewLine);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            throw new HostStartException($"Cannot save the host's new certificate to {path}: {error.Message} Check that the folder is writable.");
        }
        return new OwnCertificate(certificate, path, Created: true, []);
    }

    /// <summary>A new file that only its owner may read or write (on Windows the folder's permissions apply).</summary>
    private static FileStreamOptions OwnerOnly()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    private static string ReadRecord(string record)
    {
        try
        {
            return File.ReadAllText(record).Trim();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return "a fingerprint in " + record;
        }
    }
}
