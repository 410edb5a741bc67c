using Ikosa.Client.App.Commands;
using Ikosa.Client.App.Rendering;
using Ikosa.Client.App.Session;
using Ikosa.ServiceModel;
using Spectre.Console;

namespace Ikosa.Client.App.Interactive;

/// <summary>
/// The terminal UI: one loop on one thread that redraws the screen after every batch and every command, and reads keys
/// in between. Batches only wake the loop, so drawing and host calls never race each other.
/// </summary>
public sealed class InteractiveApp(AppOptions options, IAnsiConsole console)
{
    private static readonly TimeSpan KeyPoll = TimeSpan.FromMilliseconds(40);
    private readonly SemaphoreSlim _wake = new(0);
    private volatile bool _changed = true;

    public async Task<int> RunAsync(CancellationToken cancel)
    {
        var flow = new LoginFlow(options, console);
        var session = await flow.LoginAsync().ConfigureAwait(false);
        if (session is null)
            return 2;
        await using (session.ConfigureAwait(false))
        {
            await flow.PickCharactersAsync(session).ConfigureAwait(false);
            session.Changed += () =>
            {
                _changed = true;
                _wake.Release();
            };
            return await LoopAsync(session, new CommandExecutor(session), cancel).ConfigureAwait(false);
        }
    }

    private async Task<int> LoopAsync(GameSession session, CommandExecutor executor, CancellationToken cancel)
    {
        var editor = new LineEditor();
        ScreenState? state = null;
        string? status = "type 'help' for commands";
        while (!cancel.IsCancellationRequested)
        {
            if (session.EndedBecause is { } why)
            {
                console.MarkupLine($"[red]{Markup.Escape(why)}[/]");
                return 1;
            }
            if (_changed)
            {
                _changed = false;
                (state, status) = await RefreshAsync(session, state, status).ConfigureAwait(false);
                Draw(session, state, status, editor.Text);
            }
            while (!cancel.IsCancellationRequested && Console.KeyAvailable)
            {
                var line = editor.Handle(Console.ReadKey(intercept: true));
                if (line is null)
                {
                    DrawInput(editor.Text);
                    continue;
                }
                // Enter on an empty line answers the first waiting prompt: the one key a player needs for a roll.
                var command = line.Trim().Length == 0 && state?.Prompts.Any(p => p.Kind != "ActNow") == true ? "answer" : line;
                var result = await executor.ExecuteAsync(command, cancel).ConfigureAwait(false);
                if (command.Trim().Length > 0)
                    session.Log.Add(LogKind.Command, $"> {command}");
                foreach (var resultLine in result.Lines)
                    session.Log.Add(result.Ok ? LogKind.Command : LogKind.System, (result.Ok ? "  " : "  ! ") + resultLine);
                if (result.Quit)
                    return 0;
                status = result.Lines.Count == 0 ? null : (result.Ok ? "" : "! ") + result.Lines[0];
                _changed = true;
                break;
            }
            if (_changed)
                continue;
            try
            {
                await _wake.WaitAsync(KeyPoll, cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return 0;
    }

    private static async Task<(ScreenState? State, string? Status)> RefreshAsync(GameSession session, ScreenState? last, string? status)
    {
        try
        {
            return (await session.RefreshAsync().ConfigureAwait(false), status);
        }
        catch (Exception error) when (error is CommunicationException or TimeoutException or ObjectDisposedException)
        {
            return (last, "! " + CommandExecutor.Describe(error));
        }
    }

    private void Draw(GameSession session, ScreenState? state, string? status, string input)
    {
        console.Clear(home: true);
        if (state is not null)
            console.Write(ScreenRenderer.Render(session, state, status));
        else if (status is not null)
            console.MarkupLine(Markup.Escape(status));
        DrawInput(input);
    }

    private void DrawInput(string input)
    {
        var writer = console.Profile.Out.Writer;
        writer.Write("\u001b[2K\r> " + input);
        writer.Flush();
    }
}
