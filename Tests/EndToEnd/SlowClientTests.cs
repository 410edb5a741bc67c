using Ikosa.Contracts;
using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;

namespace Ikosa.Tests.EndToEnd;

/// <summary>
/// A player whose client stops reading its batches (its batch handler blocks, so its connection backs up) holds up
/// nobody: the others receive every batch, writes keep committing, and the host cuts the slow one off and tells the
/// game master. It keeps its seat and may come back.
/// </summary>
public class SlowClientTests(Xunit.Abstractions.ITestOutputHelper Output)
{
    private const int MaxPendingItems = 64;
    private const int MaxWrites = 20_000;
    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(120);
    private static readonly Guid Tordek = EntityId.Named("sample:tordek").Value;
    private static readonly Guid Mialee = EntityId.Named("sample:mialee").Value;

    [Fact]
    public async Task A_client_that_stops_reading_is_cut_off_without_slowing_the_others()
    {
        await using var game = await LoopbackGame.StartAsync(notifications: new NotificationOptions { MaxPendingItems = MaxPendingItems });
        var gm = await game.LoginAsync("gm");
        var bob = await game.LoginAsync("bob", Mialee);
        var slow = await game.LoginWithoutReconnectAsync("alice", Tordek);
        await using var slowClient = slow.Client;
        // Not disposed: if the test fails early, the stalled handler may still be waiting on it when the test ends.
        var release = new ManualResetEventSlim();
        var stuck = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        slow.Client.BatchReceived += batch =>
        {
            if (!batch.Items.OfType<ChatMessageInfo>().Any())
                return;
            stuck.TrySetResult(batch.Serial);
            release.Wait(MaxTime); // the client stops taking batches: its connection backs up to the host
        };
        try
        {
            bool CutOff() => gm.Notifications.OfType<SystemEventInfo>().Any(n => n.What.Contains("alice was cut off", StringComparison.Ordinal));

            // Large lines fill the stalled connection sooner; the bound only ends the test if the host never cuts it off.
            // Each line reaches the others before the next is written: a healthy client then never has more than a line
            // or two pending, however late the host's delivery runs under load. (Writing ahead of them let a starved
            // thread pool pile 64 lines up for the game master too, who was cut off in turn: "Connection reset by peer".)
            var line = new string('x', 1900);
            var sent = 0;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (sent < MaxWrites && watch.Elapsed < MaxTime && !CutOff())
            {
                var text = $"{sent}:{line}";
                await gm.SayAsync(text);
                sent++;
                await Task.WhenAll(bob.WaitForChatAsync(text), gm.WaitForChatAsync(text)); // the others keep up while the slow one is stuck
            }
            await gm.WaitForSystemEventAsync("alice was cut off");
            var stuckAt = await stuck.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var last = game.Game.Serial;
            Output.WriteLine($"{sent} lines in {watch.Elapsed}; the client stalled at serial {stuckAt}, was cut off by {last}");
            // Not a wait for the last serial: commits that tell only the masters (alice dropped) give bob no batch.
            await bob.WaitForChatAsync($"{sent - 1}:{line}");

            // Bob received every line, once, in order, including all those the stalled client never took.
            Assert.Equal(Enumerable.Range(0, sent).Select(i => $"{i}:{line}"), bob.ChatLines().Where(l => l.EndsWith(line, StringComparison.Ordinal)));
            Assert.True(last > stuckAt + MaxPendingItems, $"writes went on after the client stalled at {stuckAt} (last {last})");
            await gm.WaitForSystemEventAsync("alice dropped");
            Assert.DoesNotContain(gm.Notifications.OfType<SystemEventInfo>(), n => n.What.Contains("bob was cut off", StringComparison.Ordinal) || n.What.Contains("gm was cut off", StringComparison.Ordinal));
        }
        finally
        {
            release.Set();
        }

        // Unblocked, the client comes back with its ticket: its seat was kept.
        await slow.Client.ResumeAsync();
        await gm.SayAsync("welcome back");
        await slow.WaitForChatAsync("welcome back");
        Assert.Single(await slow.Client.Game.GetActionsAsync(Tordek), a => a.Key == "move");
    }
}
