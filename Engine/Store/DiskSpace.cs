namespace Ikosa.Engine.Store;

/// <summary>The free space on the disk holding a file, for warnings and the game master's status.</summary>
public static class DiskSpace
{
    /// <summary>The bytes free to this process on the disk holding <paramref name="file"/>, or null if that cannot be read (the disk is gone).</summary>
    public static long? FreeBytes(string file)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            return string.IsNullOrEmpty(folder) ? null : new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>"12.3 MB", or "unknown" for null.</summary>
    public static string Describe(long? bytes)
    {
        if (bytes is not { } value) return "unknown";
        string[] units = ["bytes", "KB", "MB", "GB", "TB"];
        double size = value;
        var unit = 0;
        while (size >= 1024 && unit < units.Length - 1)
        {
            size /= 1024;
            unit++;
        }
        return unit == 0 ? $"{value} bytes" : $"{size:0.#} {units[unit]}";
    }
}
