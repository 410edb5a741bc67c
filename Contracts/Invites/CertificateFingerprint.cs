using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ikosa.Contracts;

/// <summary>
/// A host certificate's SHA-256 fingerprint as people compare it and invites carry it: <c>SHA256:</c> and 64 hex
/// digits (the certificate's SHA-256 thumbprint, which a stock WCF client checks too). Read back with or without the
/// prefix, in either case, with colons or spaces between the digits.
/// </summary>
public sealed record CertificateFingerprint
{
    public const string Prefix = "SHA256:";

    private CertificateFingerprint(string hex) => Hex = hex;

    /// <summary>64 upper-case hex digits.</summary>
    public string Hex { get; }

    public static CertificateFingerprint Of(X509Certificate2 certificate) => new(certificate.GetCertHashString(HashAlgorithmName.SHA256));

    public static bool TryParse(string? written, out CertificateFingerprint? fingerprint)
    {
        fingerprint = null;
        if (written is null)
            return false;
        var text = written.Trim();
        if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            text = text[Prefix.Length..];
        var hex = text.Replace(":", "").Replace(" ", "").ToUpperInvariant();
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
            return false;
        fingerprint = new CertificateFingerprint(hex);
        return true;
    }

    /// <exception cref="FormatException">Not a SHA-256 fingerprint.</exception>
    public static CertificateFingerprint Parse(string written) => TryParse(written, out var fingerprint)
        ? fingerprint!
        : throw new FormatException($"'{written}' is not a certificate fingerprint: expected SHA256: and 64 hex digits.");

    public override string ToString() => Prefix + Hex;
}
