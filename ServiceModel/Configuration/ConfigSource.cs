namespace Ikosa.ServiceModel.Configuration;

/// <summary>Where the configuration came from: its name for messages and the folder relative file paths start from.</summary>
internal sealed record ConfigSource(string Name, string Directory)
{
    public static ConfigSource For(string sourceName) =>
        new(sourceName, Path.GetDirectoryName(Path.GetFullPath(sourceName)) ?? Environment.CurrentDirectory);

    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(Directory, path));
}
