using System.Diagnostics;
using Ikosa.Client.App.Commands;
using Ikosa.Client.App.Interactive;
using Spectre.Console;

namespace Ikosa.Client.App.Web;

/// <summary>
/// The app with --web: logs in (asking in the terminal for what the command line left out), takes the characters named
/// with --character, serves the table on 127.0.0.1, prints its address (and opens it), and runs until Ctrl+C or the end
/// of the session. Characters can also be picked on the page.
/// </summary>
public sealed class WebApp(AppOptions options, IAnsiConsole console, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken cancel)
    {
        var session = await new LoginFlow(options, console).LoginAsync().ConfigureAwait(false);
        if (session is null)
            return ClientProgram.BadArguments;
        await using (session.ConfigureAwait(false))
        {
            if (options.Characters.Count > 0)
            {
                var played = await new CommandExecutor(session).ExecuteAsync("play " + string.Join(", ", options.Characters), cancel).ConfigureAwait(false);
                await output.WriteLineAsync(string.Join(Environment.NewLine, played.Lines)).ConfigureAwait(false);
            }
            WebServer server;
            try
            {
                server = await WebServer.StartAsync(session, options.WebPort).ConfigureAwait(false);
            }
            catch (IOException cannot)
            {
                await output.WriteLineAsync($"cannot serve the table on 127.0.0.1:{options.WebPort}: {cannot.Message} (choose another --web-port, or 0 for any free one)").ConfigureAwait(false);
                return ClientProgram.BadArguments;
            }
            await using (server.ConfigureAwait(false))
            {
                await output.WriteLineAsync($"logged in as {session.UserName}{(session.IsMaster ? " (game master)" : "")}").ConfigureAwait(false);
                await output.WriteLineAsync($"the table: {server.Url}").ConfigureAwait(false);
                await output.WriteLineAsync("(only this machine can open it, and only with this address; Ctrl+C to leave)").ConfigureAwait(false);
                if (options.OpenBrowser)
                    OpenBrowser(server.Url);
                while (!cancel.IsCancellationRequested && session.EndedBecause is null)
                    await GameSessionWait(session, cancel).ConfigureAwait(false);
                if (session.EndedBecause is { } why)
                {
                    await output.WriteLineAsync(why).ConfigureAwait(false);
                    return ClientProgram.ScriptFailed;
                }
                return 0;
            }
        }
    }

    private static async Task GameSessionWait(Session.GameSession session, CancellationToken cancel)
    {
        try
        {
            await Session.GameSession.WaitAsync(session.NextChange, TimeSpan.FromMinutes(1), cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Opens the address with the desktop's browser where there is one; the printed address is enough otherwise.</summary>
    private static void OpenBrowser(Uri url)
    {
        var opener = OperatingSystem.IsWindows() ? "explorer" : OperatingSystem.IsMacOS() ? "open" : "xdg-open";
        if (!OperatingSystem.IsWindows() && !OperatingSystem.IsMacOS() && Environment.GetEnvironmentVariable("DISPLAY") is null && Environment.GetEnvironmentVariable("WAYLAND_DISPLAY") is null)
            return;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(opener, url.ToString()) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No opener on this machine: the address is printed.
        }
    }
}
