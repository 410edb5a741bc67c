using System.Net;
using System.Security.Cryptography.X509Certificates;
using Ikosa.Contracts;
using Ikosa.Host.Network;
using Ikosa.Host.Startup;

namespace Ikosa.Tests.Host.Network;

/// <summary>The host's own certificate: made once beside the game data, kept, and never made again behind the game master's back.</summary>
public sealed class OwnCertificateTests : IDisposable
{
    private static readonly LocalNetwork Network = new("gm-laptop", [IPAddress.Parse("192.168.1.20"), IPAddress.Parse("fd00::2")]);
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ikosa-own-certificate-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Pfx => Path.Combine(_folder.FullName, OwnCertificate.FileName);

    [Fact]
    public void The_first_start_makes_a_server_certificate_for_the_machines_names_and_addresses_that_only_its_owner_may_read()
    {
        var own = OwnCertificate.LoadOrCreate(_folder.FullName, Network, renew: false, Now);

        Assert.True(own.Created);
        var certificate = own.Certificate;
        Assert.True(certificate.HasPrivateKey);
        Assert.Contains("CN=gm-laptop", certificate.Subject);
        Assert.Equal(Now.AddHours(-1).UtcDateTime, certificate.NotBefore.ToUniversalTime());
        Assert.Equal((Now + SelfSignedCertificate.Validity).UtcDateTime, certificate.NotAfter.ToUniversalTime());
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["gm-laptop", "localhost"], names.EnumerateDnsNames());
        Assert.Equal(["127.0.0.1", "::1", "192.168.1.20", "fd00::2"], names.EnumerateIPAddresses().Select(a => a.ToString()));
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal("1.3.6.1.5.5.7.3.1", Assert.Single(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>()).Value);
        Assert.Equal(own.Fingerprint + Environment.NewLine, File.ReadAllText(Path.Combine(_folder.FullName, OwnCertificate.FingerprintFileName)));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Pfx));
    }

    [Fact]
    public void Later_starts_keep_the_same_certificate()
    {
        var first = OwnCertificate.LoadOrCreate(_folder.FullName, Network, renew: false, Now);

        var again = OwnCertificate.LoadOrCreate(_folder.FullName, Network with { Addresses = [IPAddress.Parse("10.0.0.7")] }, renew: false, Now.AddDays(100));

        Assert.False(again.Created);
        Assert.Equal(first.Fingerprint, again.Fingerprint);
        Assert.True(again.Certificate.HasPrivateKey);
        Assert.Empty(again.Warnings);
    }

    [Fact]
    public void A_missing_certificate_is_not_made_again_silently()
    {
        var first = OwnCertificate.LoadOrCreate(_folder.FullName, Network, renew: false, Now);
        File.Delete(Pfx);

        var error = Assert.Throws<HostStartException>(() => OwnCertificate.LoadOrCreate(_folder.FullName, Network, renew: false, Now));

        Assert.Contains("is missing", error.Message);
        Assert.Contains(first.Fingerprint.ToString(), error.Message);
        Assert.Contains("--new-certificate", error.Message);
        Assert.False(File.Exists(Pfx));
    }

    [Fact]
    public void An_unreadable_certificate_stops_the_start_and_is_left_as_it_is()
    {
        OwnCertificate.LoadOrCreate(_folder.FullName, Network, renew: false, Now);
        File.WriteAllText(Pfx, "not a certificate");

        var error = Assert.Throws<HostStartException>(() => OwnCertificate.LoadOrCreate(_folder.FullName, Network, renew: false, Now));

        Assert.Contains("cannot be read", error.Message);
        Assert.Contains("--new-certificate", error.Message);
        Assert.Equal("not a certificate", File.ReadAllText(Pfx));
    }

    [Fact]
    public void The_game_master_may_ask_for_a_new_one()
    {
        var first = OwnCertificate.LoadOrCreate(_folder.FullName, Network, renew: false, Now);
        File.Delete(Pfx);

        var renewed = OwnCertificate.LoadOrCreate(_folder.FullName, Network, renew: true, Now);

        Assert.True(renewed.Created);
        Assert.NotEqual(first.Fingerprint, renewed.Fingerprint);
        Assert.Equal(renewed.Fingerprint, OwnCertificate.LoadOrCreate(_folder.FullName, Network, renew: false, Now).Fingerprint);
    }

    [Fact]
    public void A_key_others_may_read_or_a_certificate_about_to_expire_is_pointed_out()
    {
        OwnCertificate.LoadOrCreate(_folder.FullName, Network, renew: false, Now);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Pfx, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var late = OwnCertificate.LoadOrCreate(_folder.FullName, Network, renew: false, Now + SelfSignedCertificate.Validity - TimeSpan.FromDays(10));

        Assert.Contains(late.Warnings, w => w.Contains("expires on"));
        if (!OperatingSystem.IsWindows())
            Assert.Contains(late.Warnings, w => w.Contains("chmod 600"));
    }

    [Fact]
    public void Its_fingerprint_is_the_sha256_thumbprint_that_a_stock_client_checks()
    {
        var own = OwnCertificate.LoadOrCreate(_folder.FullName, Network, renew: false, Now);

        Assert.Equal(own.Certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), own.Fingerprint.Hex);
        Assert.StartsWith(CertificateFingerprint.Prefix, own.Fingerprint.ToString());
    }
}
