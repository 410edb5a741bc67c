using System.Text.RegularExpressions;

namespace Ikosa.ServiceModel.Configuration;

/// <summary>Parsing and resolving net.tcp addresses as written in configuration.</summary>
internal static partial class NetTcpAddress
{
    /// <summary>True when the text starts with a URI scheme ("net.tcp:", "http:"); otherwise it is a relative address.</summary>
    public static bool LooksAbsolute(string address) => SchemePrefix().IsMatch(address);

    /// <summary>Parses an absolute net.tcp address or returns why it is not one.</summary>
    public static Uri? TryParseAbsolute(string text, out string problem)
    {
        problem = "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            problem = $"'{text}' is not a valid absolute URI; expected net.tcp://host[:port]/path.";
            return null;
        }
        if (uri.Scheme != NetTcpBinding.BindingScheme)
        {
            problem = $"scheme '{uri.Scheme}' is not supported; only net.tcp addresses are (net.tcp://host[:port]/path).";
            return null;
        }
        if (string.IsNullOrEmpty(uri.Host))
        {
            problem = $"'{text}' has no host; expected net.tcp://host[:port]/path.";
            return null;
        }
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            problem = $"'{text}' must not carry user info, a query or a fragment.";
            return null;
        }
        return uri;
    }

    /// <summary>
    /// WCF's rule: an empty address is the base address itself; otherwise the relative address is
    /// appended to the base address, which is treated as a folder even without a trailing slash.
    /// </summary>
    /// <returns>The absolute address, or null with <paramref name="problem"/> set when the result is not a plain
    /// net.tcp address on the base address's host and port.</returns>
    public static Uri? TryResolve(Uri baseAddress, string relative, out string problem)
    {
        problem = "";
        if (relative.Length == 0)
            return baseAddress;
        var folder = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        if (!Uri.TryCreate(folder, relative, out var resolved) || TryParseAbsolute(resolved.AbsoluteUri, out _) is null)
        {
            problem = $"'{relative}' does not combine with base address '{baseAddress}' into a net.tcp address without query or fragment.";
            return null;
        }
        if (resolved.Authority != baseAddress.Authority)
        {
            problem = $"'{relative}' leaves the base address's host and port ('{baseAddress.Authority}'); write an absolute address instead.";
            return null;
        }
        return resolved;
    }

    /// <summary>
    /// What a net.tcp listener tells endpoints apart by: port and path. The host name is not compared
    /// (WCF's default StrongWildcard matching), nor case or a trailing slash.
    /// </summary>
    public static string ListenKey(Uri address) =>
        $"{address.Port}{address.AbsolutePath.TrimEnd('/').ToUpperInvariant()}";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePrefix();
}
