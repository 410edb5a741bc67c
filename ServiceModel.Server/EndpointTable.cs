namespace Ikosa.ServiceModel.Server;

/// <summary>The endpoints sharing one port, found by the Via path (case-insensitive, longest matching path prefix).</summary>
internal sealed class EndpointTable
{
    private readonly List<EndpointDispatcher> _endpoints = new();

    /// <summary>How long a new connection may take to send its whole preamble (the port's binding setting).</summary>
    public TimeSpan ChannelInitializationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Paths => _endpoints.Select(e => e.Path);

    public void Add(EndpointDispatcher endpoint)
    {
        if (_endpoints.Any(e => string.Equals(e.Path, endpoint.Path, StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException($"Two endpoints listen at the same address path '{endpoint.Path}'.");
        _endpoints.Add(endpoint);
    }

    public EndpointDispatcher? Find(string via)
    {
        if (!Uri.TryCreate(via, UriKind.Absolute, out var uri) || uri.Scheme != "net.tcp")
            return null;
        var path = NormalizePath(uri.AbsolutePath);
        EndpointDispatcher? best = null;
        foreach (var endpoint in _endpoints)
        {
            var candidate = endpoint.Path;
            var matches = string.Equals(path, candidate, StringComparison.OrdinalIgnoreCase)
                || (path.StartsWith(candidate, StringComparison.OrdinalIgnoreCase) && (candidate.EndsWith('/') || path[candidate.Length] == '/'));
            if (matches && (best is null || candidate.Length > best.Path.Length))
                best = endpoint;
        }
        return best;
    }

    public static string NormalizePath(string path)
    {
        var unescaped = Uri.UnescapeDataString(path);
        return unescaped.Length > 1 ? unescaped.TrimEnd('/') : unescaped;
    }
}
