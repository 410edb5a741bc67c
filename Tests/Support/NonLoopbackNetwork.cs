using System.Diagnostics;
using System.Net;

namespace Ikosa.Tests.Support;

/// <summary>
/// Addresses of this machine that are not loopback, made for the tests that need one (a host other machines can reach,
/// a peer that is not this machine as far as the host can tell): a veth pair in this network namespace, <c>ikvXXXXXXa</c>
/// with 10.213.Y.1/30 and <c>ikvXXXXXXb</c> with 10.213.Y.2/30 (X random, Y a block no interface uses), both up.
/// Nothing leaves the machine. Deleted when disposed, whatever the tests did (a killed test run leaves its pair, which
/// <c>ip link del ikvXXXXXXa</c> removes; nobody else's is touched). Needs root (or CAP_NET_ADMIN) and iproute2: where
/// that is not permitted, <see cref="NonLoopbackFactAttribute"/> skips the tests and says why.
/// </summary>
public sealed class NonLoopbackNetwork : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(15);
    private static readonly Lazy<string?> Probe = new(ProbeOnce);
    private readonly string? _link;

    public NonLoopbackNetwork()
    {
        // Where it cannot be made, the tests that need it are skipped (NonLoopbackFact) and never ask for its addresses.
        if (Unavailable is not null)
            return;
        _link = $"ikv{Random.Shared.Next(1 << 24):x6}";
        var taken = Run("-o", "addr");
        var first = Random.Shared.Next(256);
        var block = Enumerable.Range(0, 256).Select(i => (first + i) % 256).First(b => !taken.Contains($" 10.213.{b}."));
        (HostAddress, PeerAddress) = (IPAddress.Parse($"10.213.{block}.1"), IPAddress.Parse($"10.213.{block}.2"));
        Run("link", "add", _link + "a", "type", "veth", "peer", "name", _link + "b");
        try
        {
            Run("addr", "add", $"{HostAddress}/30", "dev", _link + "a");
            Run("addr", "add", $"{PeerAddress}/30", "dev", _link + "b");
            Run("link", "set", _link + "a", "up");
            Run("link", "set", _link + "b", "up");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The address a host under test listens on (10.213.X.1).</summary>
    public IPAddress HostAddress { get; } = IPAddress.None;

    /// <summary>The other end (10.213.X.2): a client may connect from it.</summary>
    public IPAddress PeerAddress { get; } = IPAddress.None;

    /// <summary>Why these tests cannot run here, or null when they can (checked once, by making and deleting a pair).</summary>
    public static string? Unavailable => Probe.Value;

    public void Dispose()
    {
        if (_link is null)
            return;
        try
        {
            Run("link", "del", _link + "a");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string? ProbeOnce()
    {
        if (!OperatingSystem.IsLinux())
            return "needs Linux network namespaces and veth pairs";
        var probe = $"ikvp{Random.Shared.Next(1 << 24):x6}";
        try
        {
            Run("link", "add", probe + "a", "type", "veth", "peer", "name", probe + "b");
            Run("link", "del", probe + "a");
            return null;
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"cannot make a veth pair for a non-loopback address (needs root and iproute2: ip link add … type veth): {error.Message}";
        }
    }

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("ip", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ip did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill();
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} did not finish in {CommandTimeout}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)}: {error.Result.Trim()}");
        return output.Result;
    }
}

/// <summary>The tests that share one <see cref="NonLoopbackNetwork"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class NonLoopbackCollection : ICollectionFixture<NonLoopbackNetwork>
{
    public const string Name = "non-loopback network";
}

/// <summary>A fact that needs a non-loopback address: skipped, with the reason shown, where a veth pair cannot be made.</summary>
public sealed class NonLoopbackFactAttribute : FactAttribute
{
    public NonLoopbackFactAttribute()
    {
        if (NonLoopbackNetwork.Unavailable is { } why)
            Skip = why;
    }
}
