namespace Ikosa.ServiceModel;

/// <summary>Where a service endpoint listens or a client connects: an absolute net.tcp URI (port 808 when omitted).</summary>
public sealed class EndpointAddress : IEquatable<EndpointAddress>
{
    /// <exception cref="UriFormatException">Not an absolute URI.</exception>
    /// <exception cref="ArgumentException">Not a net.tcp URI with a host.</exception>
    public EndpointAddress(string uri) : this(new Uri(uri ?? throw new ArgumentNullException(nameof(uri)), UriKind.Absolute)) { }

    /// <exception cref="ArgumentException">Not an absolute net.tcp URI with a host.</exception>
    public EndpointAddress(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || uri.Scheme != NetTcpBinding.BindingScheme || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException($"'{uri}' is not a net.tcp address; expected net.tcp://host[:port]/path.", nameof(uri));
        Uri = uri;
    }

    public Uri Uri { get; }

    public bool Equals(EndpointAddress? other) => other is not null && Uri.Equals(other.Uri);

    public override bool Equals(object? obj) => Equals(obj as EndpointAddress);

    public override int GetHashCode() => Uri.GetHashCode();

    public override string ToString() => Uri.ToString();
}
