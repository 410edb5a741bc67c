using Ikosa.Client.App.Rendering;
using Ikosa.Client.App.Commands;
using Ikosa.Client.App.Session;

namespace Ikosa.Client.App.Scripted;

/// <summary>
/// Runs commands from a script without a terminal and prints each with its result, then what happened meanwhile. Blank
/// lines and '#' comments are skipped; a failing command stops the script (exit code 1) unless it starts with '-'.
/// </summary>
public sealed class ScriptRunner(GameSession session, CommandExecutor executor, TextWriter output)
{
    public const int Failed = 1;

    public async Task<int> RunAsync(TextReader script, CancellationToken cancel = default)
    {
        var mark = session.Log.Mark;
        var number = 0;
        while (await script.ReadLineAsync(cancel).ConfigureAwait(false) is { } line)
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
                continue;
            var mayFail = text.StartsWith('-');
            if (mayFail)
                text = text[1..].TrimStart();

            await output.WriteLineAsync($"> {text}").ConfigureAwait(false);
            var result = await executor.ExecuteAsync(text, cancel).ConfigureAwait(false);
            foreach (var resultLine in result.Lines)
                await output.WriteLineAsync((result.Ok ? "  " : "  ! ") + TerminalText.Clean(resultLine)).ConfigureAwait(false);
            mark = await PrintEventsAsync(mark).ConfigureAwait(false);
            if (!result.Ok && !mayFail)
            {
                await output.WriteLineAsync($"script stopped: line {number} failed").ConfigureAwait(false);
                return Failed;
            }
            if (result.Quit)
                break;
        }
        await output.FlushAsync(cancel).ConfigureAwait(false);
        return 0;
    }

    private async Task<long> PrintEventsAsync(long mark)
    {
        foreach (var entry in session.Log.After(mark))
        {
            await output.WriteLineAsync($"  * [{entry.Kind.ToString().ToLowerInvariant()}] {TerminalText.Clean(entry.Text)}").ConfigureAwait(false);
            mark = entry.Sequence;
        }
        return mark;
    }
}
