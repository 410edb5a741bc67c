using Ikosa.Host.Startup;
using Ikosa.ServiceModel.Configuration;

namespace Ikosa.Host.Network;

/// <summary>
/// What the network needs before the game file is touched, so that a failed start never makes a new game whose first
/// passwords nobody saw: the plan, the ports free, and the host's own certificate when TLS needs one.
/// </summary>
public static class NetworkStartup
{
    /// <exception cref="HostStartException">A port is taken, the options contradict each other, or the certificate is missing or unreadable.</exception>
    public static ListenPlan Prepare(ServiceModelSection section, NetworkOptions options, DataFolder folder, bool renewCertificate,
        LocalNetwork network, TextWriter output)
    {
        var plan = ListenPlan.Create(section, options);
        PortCheck.EnsureFree(plan.Addresses);
        if (!plan.NeedsOwnCertificate)
        {
            if (renewCertificate)
                output.WriteLine("--new-certificate: nothing is served with the host's own certificate, so none was made.");
            return plan;
        }
        var own = OwnCertificate.LoadOrCreate(folder.Path, network, renewCertificate, DateTimeOffset.UtcNow);
        if (own.Created)
            output.WriteLine($"Made the host's own TLS certificate {own.Fingerprint}, kept in {own.Path}.");
        foreach (var warning in own.Warnings)
            output.WriteLine($"Warning: {warning}");
        return plan with { OwnCertificate = own.Certificate };
    }
}
