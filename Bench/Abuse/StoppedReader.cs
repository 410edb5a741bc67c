using Ikosa.Bench.ServiceModel;
using System.Diagnostics;
using Ikosa.Client.Library;
using Ikosa.Contracts;

namespace Ikosa.Bench.Abuse;

/// <summary>
/// A player whose app stops reading (its batch handler never returns, so its connection backs up to the host) while
/// the game master's chat fills it with ~6 MB; then the game master kicks it. What counts is how long the kick takes.
/// </summary>
internal sealed class StoppedReader(HostChildProcess host, IReadOnlyDictionary<string, string> passwords)
{
    public const int Lines = 3_000;
    private const int LineLength = 1_900;

    public async Task<(TimeSpan Flood, TimeSpan? Kick, string Outcome)> RunAsync()
    {
        var options = new IkosaClientOptions { BaseAddress = host.BaseAddress(), Reconnect = false };
        await using var gm = new IkosaClient(options);
        await gm.LoginAsync("gm", passwords["gm"]);
        var victim = new IkosaClient(options);
        using var release = new ManualResetEventSlim();
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        victim.SessionEnded += reason => ended.TrySetResult(reason);
        victim.BatchReceived += batch =>
        {
            if (!batch.Items.Any(item => item.Kind == "ChatMessage"))
                return;
            stalled.TrySetResult();
            release.Wait(TimeSpan.FromMinutes(5));
        };
        try
        {
            await victim.LoginAsync("victim", passwords["victim"]);
            var line = new string('x', LineLength);
            var flood = Stopwatch.StartNew();
            for (var i = 0; i < Lines; i++)
                await gm.Login.SendChatAsync(new ChatInfo { Audience = ChatAudience.Everyone, Text = $"{i}:{line}" });
            flood.Stop();
            await stalled.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var kick = Stopwatch.StartNew();
            var result = await gm.Master!.KickUserAsync("victim").WaitAsync(TimeSpan.FromSeconds(120));
            kick.Stop();
            return (flood.Elapsed, kick.Elapsed, result.Accepted ? "kicked" : "kick refused: " + result.Error);
        }
        catch (TimeoutException error)
        {
            return (TimeSpan.Zero, null, "did not complete: " + error.Message);
        }
        finally
        {
            release.Set();
            victim.SimulateConnectionLoss();
            await victim.DisposeAsync();
        }
    }
}
