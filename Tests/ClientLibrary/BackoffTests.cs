using Ikosa.Client.Library;

namespace Ikosa.Tests.ClientLibrary;

public sealed class BackoffTests
{
    [Fact]
    public void Waits_double_up_to_the_cap_each_between_half_and_all_of_its_ceiling()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(700), new Random(19));
        double[] ceilings = [100, 200, 400, 700, 700, 700];

        foreach (var ceiling in ceilings)
        {
            var wait = backoff.Next().TotalMilliseconds;
            Assert.InRange(wait, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Clients_refused_together_do_not_come_back_together()
    {
        var random = new Random(13);
        var firstWaits = Enumerable.Range(0, 50).Select(_ => new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), random).Next()).ToList();

        Assert.True(firstWaits.Distinct().Count() > 40, "the waits are spread out");
    }
}
