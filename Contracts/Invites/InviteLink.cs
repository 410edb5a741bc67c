using System.Globalization;
using System.Net;

namespace Ikosa.Contracts;

/// <summary>
/// An invite as one line a game master hands a player: where the host is, the fingerprint of its certificate, and the
/// user name — never a password. <c>ikosa://gm-laptop:8765/?fp=SHA256:…&amp;user=alice</c>; the path is the host's
/// base path when it is not <c>/ikosa/</c>. An invite without a fingerprint is for a host serving plain net.tcp.
/// </summary>
public sealed record InviteLink(string Host, int Port, string Path, CertificateFingerprint? Fingerprint, string User)
{
    public const string Scheme = "ikosa";

    /// <summary>The host's base path in the shipped configuration; an invite leaves it out.</summary>
    public const string DefaultPath = "/ikosa/";

    public const int DefaultPort = 8765;

    /// <summary>The host's base address, which the endpoints (login, game, visualization, master) are relative to.</summary>
    public Uri BaseAddress => new UriBuilder("net.tcp", Host.Trim('[', ']'), Port, Path).Uri;

    /// <summary>The invite for a user of the host at <paramref name="baseAddress"/> (net.tcp://HOST:PORT/PATH/).</summary>
    public static InviteLink For(Uri baseAddress, CertificateFingerprint? fingerprint, string user) =>
        new(baseAddress.HostNameType == UriHostNameType.IPv6 ? $"[{baseAddress.IdnHost}]" : baseAddress.Host, baseAddress.Port, baseAddress.AbsolutePath, fingerprint, user);

    /// <exception cref="FormatException">Not an invite; the message says what is wrong with it.</exception>
    public static InviteLink Parse(string written)
    {
        var text = written.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Scheme || uri.HostNameType == UriHostNameType.Unknown)
            throw Bad(written, $"an invite starts with {Scheme}://HOST:PORT/");
        if (uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            throw Bad(written, "it has parts an invite does not have");
        var query = Query(uri, written);
        if (!query.TryGetValue("user", out var user) || user.Length == 0 || user.Any(UserText.IsUnsafe))
            throw Bad(written, "it names no user (user=NAME)");
        CertificateFingerprint? fingerprint = null;
        if (query.TryGetValue("fp", out var fp) && !CertificateFingerprint.TryParse(fp, out fingerprint))
            throw Bad(written, $"its fingerprint '{fp}' is not SHA256: and 64 hex digits: the invite was cut or changed; ask for it again");
        var path = uri.AbsolutePath is "" or "/" ? DefaultPath : uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost}]" : uri.Host;
        return new InviteLink(host, uri.IsDefaultPort ? DefaultPort : uri.Port, path, fingerprint, user);
    }

    public override string ToString()
    {
        var path = Path == DefaultPath ? "/" : Path;
        var fingerprint = Fingerprint is null ? "" : $"fp={Fingerprint}&";
        return $"{Scheme}://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}{path}?{fingerprint}user={Uri.EscapeDataString(User)}";
    }

    private static Dictionary<string, string> Query(Uri uri, string written)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            if (key is not ("fp" or "user") || !values.TryAdd(key, WebUtility.UrlDecode(equals < 0 ? "" : pair[(equals + 1)..])))
                throw Bad(written, $"'{key}' is not something an invite says (fp, user), or is said twice");
        }
        return values;
    }

    private static FormatException Bad(string written, string why) =>
        new($"'{written}' is not an Ikosa invite: {why}. An invite looks like {Scheme}://HOST:PORT/?fp=SHA256:…&user=NAME.");
}
