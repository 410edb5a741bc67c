using Ikosa.Contracts;

namespace Ikosa.Client.Library.Trust;

/// <summary>
/// The hosts this user trusts, like SSH's known_hosts: one line per host, <c>HOST:PORT SHA256:…</c>, the fingerprint
/// of the certificate it presented the first time (after the user accepted it, or because an invite carried it). The
/// file lives in the user's configuration folder (<see cref="DefaultPath"/>); lines may be deleted by hand.
/// </summary>
public sealed class KnownHosts(string path)
{
    /// <summary>Set to a folder to keep the app's files (known_hosts) there instead of the user's configuration folder.</summary>
    public const string EnvironmentVariable = "IKOSA_CONFIG";

    public const string FileName = "known_hosts";

    private const string Header = "# Ikosa: the certificate each host presented when this user first trusted it. Delete a line to forget a host.";

    private static readonly Lock FileLock = new();

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary><c>$IKOSA_CONFIG/known_hosts</c>, else <c>~/.config/ikosa/known_hosts</c> (<c>%APPDATA%\ikosa</c> on Windows).</summary>
    public static string DefaultPath()
    {
        var folder = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            var configuration = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(configuration))
                configuration = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            folder = System.IO.Path.Combine(configuration, "ikosa");
        }
        return System.IO.Path.Combine(folder, FileName);
    }

    /// <summary>How a host is named in the file: its name or address in lower case (IPv6 in brackets) and its port.</summary>
    public static string KeyOf(string host, int port) => $"{host.ToLowerInvariant()}:{port}";

    /// <summary>The fingerprint trusted for the host, or null when it is not known.</summary>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    public CertificateFingerprint? Find(string host, int port)
    {
        var key = KeyOf(host, port);
        lock (FileLock)
            return Entries().LastOrDefault(e => e.Key == key).Fingerprint;
    }

    /// <summary>Trusts <paramref name="fingerprint"/> for the host from now on, in place of anything trusted before.</summary>
    public void Remember(string host, int port, CertificateFingerprint fingerprint)
    {
        var key = KeyOf(host, port);
        lock (FileLock)
            Write(Entries().Where(e => e.Key != key).Append((key, fingerprint)));
    }

    /// <summary>Forgets the host; false when it was not known.</summary>
    public bool Forget(string host, int port)
    {
        var key = KeyOf(host, port);
        lock (FileLock)
        {
            var entries = Entries();
            if (entries.All(e => e.Key != key))
                return false;
            Write(entries.Where(e => e.Key != key));
            return true;
        }
    }

    /// <summary>The file's entries; lines that are not HOST:PORT and a fingerprint (comments, mistakes) are skipped.</summary>
    private List<(string Key, CertificateFingerprint Fingerprint)> Entries()
    {
        if (!File.Exists(Path))
            return [];
        var entries = new List<(string, CertificateFingerprint)>();
        foreach (var line in File.ReadAllLines(Path))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && !parts[0].StartsWith('#') && CertificateFingerprint.TryParse(parts[1], out var fingerprint))
                entries.Add((parts[0].ToLowerInvariant(), fingerprint!));
        }
        return entries;
    }

    /// <summary>Replaces the file whole (a crash leaves the old one or the new one, never half of one).</summary>
    private void Write(IEnumerable<(string Key, CertificateFingerprint Fingerprint)> entries)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var partial = Path + ".partial";
        File.WriteAllLines(partial, entries.Select(e => $"{e.Key} {e.Fingerprint}").Prepend(Header));
        File.Move(partial, Path, overwrite: true);
    }
}
