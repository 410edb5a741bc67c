namespace Ikosa.ServiceModel.Configuration;

/// <summary>Reads <c>&lt;behaviors&gt;&lt;serviceBehaviors&gt;&lt;behavior .../&gt;</c>.</summary>
internal static class ServiceBehaviorReader
{
    public const string ServiceCertificateElement = "serviceCertificate";

    /// <summary>Our extension: how soon a session must authenticate, and how many may wait to per remote address.</summary>
    public const string SessionAuthenticationElement = "sessionAuthentication";

    /// <summary>The service behaviors by name; "" is the nameless default behavior.</summary>
    public static Dictionary<string, ServiceBehaviorConfig> ReadBehaviors(ConfigElement behaviors)
    {
        behaviors.AllowAttributes();
        var result = new Dictionary<string, ServiceBehaviorConfig>(StringComparer.Ordinal);
        var section = behaviors.SingleChild(behaviors.Children("serviceBehaviors"), "serviceBehaviors");
        if (section is null)
            return result;

        section.AllowAttributes();
        foreach (var element in section.Children("behavior"))
        {
            var behavior = ReadBehavior(element);
            if (!result.TryAdd(behavior.Name, behavior))
                throw element.Error("name", $"a service behavior named '{behavior.Name}' is already defined; names must be unique.");
        }
        return result;
    }

    private static ServiceBehaviorConfig ReadBehavior(ConfigElement element)
    {
        element.AllowAttributes("name");
        var name = element.OptionalString("name") ?? "";
        var children = element.Children("serviceDebug", "serviceThrottling", "serviceCredentials", SessionAuthenticationElement);

        var includeExceptionDetail = false;
        if (element.SingleChild(children, "serviceDebug") is { } debug)
        {
            debug.AllowAttributes("includeExceptionDetailInFaults");
            debug.Children();
            includeExceptionDetail = debug.OptionalBool("includeExceptionDetailInFaults") ?? false;
        }

        int? maxSessions = null, maxCalls = null;
        if (element.SingleChild(children, "serviceThrottling") is { } throttling)
        {
            throttling.AllowAttributes("maxConcurrentSessions", "maxConcurrentCalls");
            throttling.Children();
            maxSessions = throttling.OptionalInt("maxConcurrentSessions", 1);
            maxCalls = throttling.OptionalInt("maxConcurrentCalls", 1);
        }

        CertificateConfig? certificate = null;
        if (element.SingleChild(children, "serviceCredentials") is { } credentials)
        {
            credentials.AllowAttributes();
            var certificateElement = credentials.SingleChild(credentials.Children(ServiceCertificateElement), ServiceCertificateElement);
            if (certificateElement is not null)
                certificate = ReadCertificate(certificateElement);
        }

        TimeSpan? authenticationTimeout = null;
        int? maxUnauthenticated = null;
        if (element.SingleChild(children, SessionAuthenticationElement) is { } authentication)
        {
            authentication.AllowAttributes("timeout", "maxUnauthenticatedSessionsPerAddress");
            authentication.Children();
            authenticationTimeout = authentication.OptionalTimeout("timeout");
            maxUnauthenticated = authentication.OptionalInt("maxUnauthenticatedSessionsPerAddress", 1);
        }

        return new ServiceBehaviorConfig(name, includeExceptionDetail, maxSessions, maxCalls, certificate, authenticationTimeout, maxUnauthenticated);
    }

    // WCF finds the certificate in a certificate store (findValue, storeName, ...); a game master's
    // machine has no managed store on Linux, so the certificate is a PFX file next to the config.
    private static CertificateConfig ReadCertificate(ConfigElement element)
    {
        element.AllowAttributes("pfxFile", "password");
        element.Children();
        var pfxFile = element.RequiredString("pfxFile");
        string path;
        try
        {
            path = element.Source.ResolvePath(pfxFile);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw element.Error("pfxFile", $"'{pfxFile}' is not a valid file path ({exception.Message}).");
        }
        return new CertificateConfig(path, element.OptionalString("password"))
        {
            SourceName = element.Source.Name,
            LineNumber = element.Line,
        };
    }
}
