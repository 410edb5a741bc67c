using Ikosa.ServiceModel.Server;

namespace Ikosa.Tests.ServiceModel.Hostile;

/// <summary>A refusal of a peer over its share waits a moment, but only so many are held: beyond that they go out at once.</summary>
public sealed class RefusalDelayTests
{
    [Fact]
    public async Task Refusals_are_held_up_to_the_cap_and_the_rest_go_out_at_once()
    {
        var delay = new RefusalDelay(TimeSpan.FromMinutes(5), maxHeld: 2);
        using var stop = new CancellationTokenSource();

        var held = new[] { delay.WaitAsync(stop.Token), delay.WaitAsync(stop.Token) };
        var beyond = delay.WaitAsync(stop.Token);

        Assert.True(beyond.IsCompleted);
        Assert.All(held, task => Assert.False(task.IsCompleted));
        Assert.Equal(2, delay.Held);
        stop.Cancel(); // the host closing lets the held ones go
        await Task.WhenAll(held).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, delay.Held);
    }

    [Fact]
    public void No_delay_holds_nothing() =>
        Assert.True(new RefusalDelay(TimeSpan.Zero, maxHeld: 2).WaitAsync(CancellationToken.None).IsCompleted);
}
