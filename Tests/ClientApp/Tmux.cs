using System.Diagnostics;

namespace Ikosa.Tests.ClientApp;

/// <summary>
/// A tmux server of its own (a private socket) with one detached session of a given size: keys go in with send-keys,
/// the screen comes out with capture-pane. Disposing kills the server, and with it whatever ran inside.
/// </summary>
public sealed class Tmux : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(20);
    private readonly string _socket = "ikosa-test-" + Guid.NewGuid().ToString("N")[..12];
    private const string Session = "app";

    private Tmux()
    {
    }

    public static string? Path() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "tmux"))
            .FirstOrDefault(File.Exists);

    /// <summary>Starts <paramref name="shellCommand"/> in a detached session of the given size.</summary>
    public static Tmux Start(string shellCommand, int width, int height)
    {
        var tmux = new Tmux();
        tmux.Run("new-session", "-d", "-s", Session, "-x", width.ToString(), "-y", height.ToString(), shellCommand);
        // Keep the pane after the app exits, so a crash's last words can still be captured.
        tmux.Run("set-option", "-t", Session, "remain-on-exit", "on");
        return tmux;
    }

    /// <summary>Types text literally (no key names), then presses Enter when asked.</summary>
    public void Type(string text, bool enter = true)
    {
        if (text.Length > 0)
            Run("send-keys", "-t", Session, "-l", text);
        if (enter)
            Run("send-keys", "-t", Session, "Enter");
    }

    public string Screen() => Run("capture-pane", "-p", "-t", Session);

    /// <summary>Polls the screen until it contains <paramref name="text"/>, up to <paramref name="seconds"/>; fails with the screen otherwise.</summary>
    public Task<string> WaitForAsync(string text, int seconds = 60) =>
        WaitForAsync(screen => screen.Contains(text, StringComparison.Ordinal), $"'{text}'", seconds);

    /// <summary>Polls the screen until <paramref name="shows"/> holds (e.g. a redraw has finished), up to <paramref name="seconds"/>.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> shows, string what, int seconds = 60)
    {
        var deadline = Stopwatch.StartNew();
        var screen = "";
        for (var attempt = 0; attempt < seconds * 10 && deadline.Elapsed < TimeSpan.FromSeconds(seconds); attempt++)
        {
            screen = Screen();
            if (shows(screen))
                return screen;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"the screen did not show {what} within {seconds} s:\n{screen}");
    }

    private string Run(params string[] args)
    {
        var start = new ProcessStartInfo(Path() ?? "tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tmux {string.Join(' ', args)} did not finish");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {error.Result}");
        return output.Result;
    }

    public void Dispose()
    {
        try
        {
            Run("kill-server");
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException)
        {
            // Already gone: the server exits by itself when its last session ends.
        }
    }
}
