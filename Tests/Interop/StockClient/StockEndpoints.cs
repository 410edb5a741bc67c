using System.Security.Cryptography.X509Certificates;
using System.ServiceModel.Description;
using System.ServiceModel.Security;
using Ikosa.Contracts;
using Ikosa.Tests.Interop.Hosting;

namespace Ikosa.Tests.Interop.StockClient;

/// <summary>
/// How Microsoft's WCF client reaches the host: plain net.tcp (SecurityMode.None), or TLS (SecurityMode.Transport with
/// client credential None) trusting the host's self-signed certificate by its SHA-256 thumbprint (the fingerprint the
/// host prints), with a DNS identity it carries ("localhost": the game master's test certificate and the host's own
/// both carry it). Every channel opened here records the requests it sends in <see cref="Sent"/>.
/// </summary>
public sealed class StockEndpoints(HostProcess host, string? trustedSha256)
{
    /// <summary>The host accepts messages up to 1 MiB (app.config); the client reads the same.</summary>
    private const int MaxMessageSize = 1024 * 1024;

    public SentActions Sent { get; } = new();

    public SecurityMode Mode => trustedSha256 is null ? SecurityMode.None : SecurityMode.Transport;

    public NetTcpBinding Binding()
    {
        var binding = new NetTcpBinding(Mode) { MaxReceivedMessageSize = MaxMessageSize };
        binding.ReaderQuotas.MaxStringContentLength = MaxMessageSize;
        binding.ReaderQuotas.MaxArrayLength = MaxMessageSize;
        if (Mode == SecurityMode.Transport)
            binding.Security.Transport.ClientCredentialType = TcpClientCredentialType.None;
        return binding;
    }

    /// <summary>A new open channel of contract <typeparamref name="T"/> to the host's <paramref name="endpoint"/>, calling back into <paramref name="callbacks"/>.</summary>
    public T Open<T>(string endpoint, RecordingCallbacks callbacks) where T : class
    {
        var address = trustedSha256 is null
            ? new EndpointAddress(host.Endpoint(endpoint))
            : new EndpointAddress(host.Endpoint(endpoint), new DnsEndpointIdentity(HostCertificate.DnsName));
        var factory = new DuplexChannelFactory<T>(new InstanceContext(callbacks), Binding(), address);
        factory.Endpoint.EndpointBehaviors.Add(Sent);
        // As our client library does: a rule package's notification this client does not know arrives as an
        // UnknownNotificationInfo instead of failing its batch (WCF keeps the callback operations in the same contract).
        foreach (var operation in factory.Endpoint.Contract.Operations)
            operation.OperationBehaviors.OfType<DataContractSerializerOperationBehavior>().Single().DataContractResolver = new NotificationResolver([]);
        if (trustedSha256 is not null)
            factory.Credentials.ServiceCertificate.SslCertificateAuthentication = new X509ServiceCertificateAuthentication
            {
                CertificateValidationMode = X509CertificateValidationMode.Custom,
                CustomCertificateValidator = new ThumbprintValidator(trustedSha256),
                RevocationMode = X509RevocationMode.NoCheck,
            };
        var channel = factory.CreateChannel();
        ((IClientChannel)channel).Open();
        return channel;
    }
}
