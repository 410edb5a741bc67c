namespace Ikosa.Host.Startup;

/// <summary>
/// Where the game's data lives, independent of how the host was built or from where it runs: the game file, the
/// snapshots the master saves, and (later) the host's own certificate. The default is the user's data folder
/// (<c>$XDG_DATA_HOME/ikosa</c>, i.e. <c>~/.local/share/ikosa</c>; <c>%LOCALAPPDATA%\ikosa</c> on Windows), or the
/// folder named by <c>IKOSA_DATA</c>. A <c>--data FILE</c> elsewhere moves everything beside that file.
/// </summary>
public sealed record DataFolder(string Path)
{
    public const string EnvironmentVariable = "IKOSA_DATA";

    public const string DefaultGameFileName = "ikosa.db";

    public static DataFolder Default()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return new DataFolder(System.IO.Path.GetFullPath(configured));
        var userData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(userData))
            userData = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return new DataFolder(System.IO.Path.Combine(userData, "ikosa"));
    }

    /// <summary>The folder of a game file given on the command line (relative paths start at the current directory).</summary>
    public static DataFolder Of(FileInfo gameFile) => new(gameFile.DirectoryName ?? Directory.GetCurrentDirectory());

    public string DefaultGameFile => System.IO.Path.Combine(Path, DefaultGameFileName);

    public string Snapshots => System.IO.Path.Combine(Path, "snapshots");

    /// <summary>
    /// A campaign given on the command line: a path to a file (relative to the current directory), or the bare name of a
    /// snapshot the master saved (<c>snapshot NAME</c> in the app), looked up in <see cref="Snapshots"/>.
    /// </summary>
    public string ResolveCampaign(string given)
    {
        if (File.Exists(given) || Directory.Exists(given))
            return System.IO.Path.GetFullPath(given);
        var name = System.IO.Path.GetFileName(given);
        if (name == given)
        {
            foreach (var candidate in new[] { name, name + ".json" })
            {
                var saved = System.IO.Path.Combine(Snapshots, candidate);
                if (File.Exists(saved))
                    return saved;
            }
        }
        return System.IO.Path.GetFullPath(given);
    }
}
