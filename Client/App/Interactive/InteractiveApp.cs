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

    /// <summary>Results longer than this open in the pager rather than in the log.</summary>
    private const int PagedAbove = 3;
    private readonly SemaphoreSlim _wake = new(0);
    private volatile bool _changed = true;
    private string? _refreshProblem;

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
        Pager? pager = null;
        string? status = "type 'help' for commands";
        var size = Size();
        while (!cancel.IsCancellationRequested)
        {
            if (session.EndedBecause is { } why)
            {
                console.MarkupLine($"[red]{Markup.Escape(why)}[/]");
                return 1;
            }
            var redraw = false;
            if (_changed)
            {
                _changed = false;
                (state, status) = await RefreshAsync(session, state, status).ConfigureAwait(false);
                redraw = true;
            }
            if (Size() != size)
            {
                size = Size();
                redraw = true;
            }
            if (redraw)
                Draw(session, state, status, pager, editor.Text);
            while (!cancel.IsCancellationRequested && Console.KeyAvailable)
            {
                var key = Console.ReadKey(intercept: true);
                if (pager is not null)
                {
                    if (!pager.Handle(key, size.Width, size.Height))
                        pager = null;
                    Draw(session, state, status, pager, editor.Text);
                    continue;
                }
                var line = editor.Handle(key);
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
                if (result.Lines.Count > PagedAbove)
                {
                    // A long answer gets a view of its own, read whole a page at a time, instead of scrolling through the log.
                    pager = new Pager(command.Trim(), result.Lines);
                    session.Log.Add(LogKind.Command, $"  ({result.Lines.Count} lines, shown page by page)");
                }
                else
                {
                    foreach (var resultLine in result.Lines)
                        session.Log.Add(result.Ok ? LogKind.Command : LogKind.System, (result.Ok ? "  " : "  ! ") + resultLine);
                }
                if (result.Quit)
                    return 0;
                status = result.Lines.Count == 0 || pager is not null ? null : (result.Ok ? "" : "! ") + result.Lines[0];
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

    /// <summary>
    /// The screen state read again. A read that fails shows why in the status line until one succeeds (the host is back):
    /// then that line goes, while a command's own result stays.
    /// </summary>
    private async Task<(ScreenState? State, string? Status)> RefreshAsync(GameSession session, ScreenState? last, string? status)
    {
        try
        {
            var state = await session.RefreshAsync().ConfigureAwait(false);
            return (state, status == _refreshProblem ? null : status);
        }
        catch (Exception error) when (error is CommunicationException or TimeoutException or ObjectDisposedException)
        {
            _refreshProblem = "! " + CommandExecutor.Describe(error);
            return (last, _refreshProblem);
        }
    }

    /// <summary>The terminal's size now: it is read every turn of the loop, so a resized window is redrawn to fit.</summary>
    private (int Width, int Height) Size() => (Math.Max(1, console.Profile.Width), Math.Max(2, console.Profile.Height));

    /// <summary>The game screen (or the pager) on all lines but the last, which is the command line.</summary>
    private void Draw(GameSession session, ScreenState? state, string? status, Pager? pager, string input)
    {
        var (width, height) = Size();
        console.Clear(home: true);
        if (pager is not null)
            console.Write(new Markup(string.Join('\n', pager.Render(width, height - 1))));
        else if (state is not null)
            console.Write(ScreenRenderer.Render(ScreenContent.Of(session, state, status), width, height - 1));
        else if (status is not null)
            console.MarkupLine(Markup.Escape(status));
        if (pager is null)
            DrawInput(input);
        else
            console.Profile.Out.Writer.Flush();
    }

    /// <summary>The command line, on the last line: when it is longer than the terminal is wide, its end is shown.</summary>
    private void DrawInput(string input)
    {
        var room = Math.Max(1, Size().Width - 3);
        var shown = input.Length <= room ? input : input[^room..];
        var writer = console.Profile.Out.Writer;
        writer.Write($"\u001b[{Size().Height};1H\u001b[2K> " + shown);
        writer.Flush();
    }
}
