using Ikosa.Client.Library;
using Ikosa.Tests.ServiceModel.Hostile;

namespace Ikosa.Tests.EndToEnd;

/// <summary>The client's heartbeat tells a silent host from a busy client: while its own batch handler holds the channel, the host is not taken for gone.</summary>
public sealed class HeartbeatTests
{
    [Fact]
    public async Task A_client_busy_in_its_batch_handler_does_not_take_the_host_for_gone()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        await using var client = new IkosaClient(new IkosaClientOptions
        {
            BaseAddress = game.BaseAddress,
            HeartbeatInterval = TimeSpan.FromMilliseconds(100),
            // Generous: an answer slower than this is the host taken for gone, which a loaded machine must not provoke.
            HeartbeatTimeout = TimeSpan.FromSeconds(2),
        });
        var interrupted = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionInterrupted += reason => interrupted.TrySetResult(reason);
        using var release = new ManualResetEventSlim();
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.BatchReceived += batch =>
        {
            if (!batch.Items.Any(item => item.Kind == "ChatMessage"))
                return;
            busy.TrySetResult();
            release.Wait(TimeSpan.FromMinutes(2));
        };
        await client.LoginAsync("alice", LoopbackGame.PasswordOf("alice"));

        await gm.SayAsync("hold on");
        await busy.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var rounds = client.HeartbeatRounds;
        // Checks come and go unanswered while the handler holds the channel.
        Assert.True(await Eventually.TrueAsync(() => client.HeartbeatRounds >= rounds + 2, TimeSpan.FromSeconds(60)), "the heartbeat keeps checking");
        release.Set();

        var rest = client.HeartbeatRounds;
        Assert.True(await Eventually.TrueAsync(() => client.HeartbeatRounds >= rest + 3), "answers come again once the handler returns");
        Assert.False(interrupted.Task.IsCompleted, "the host was taken for gone while the client was busy");
        Assert.Contains(await client.Login.GetUsersAsync(), user => user.Name == "alice");
    }
}
