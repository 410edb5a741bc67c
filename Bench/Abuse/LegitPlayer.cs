using System.Diagnostics;
using Ikosa.Client.Library;

namespace Ikosa.Bench.Abuse;

/// <summary>A player who logs in (login channel, Login, game and visualization channels bound) and out again, timed.</summary>
internal sealed class LegitPlayer(Uri baseAddress, string user, string password)
{
    /// <summary>Longer than any login should take: a login that has not completed by then counts as failed.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(20);

    /// <summary>Logs in and out until <paramref name="stop"/>, a short pause between; each login's time, or null when it failed.</summary>
    public async Task<List<TimeSpan?>> LoginRepeatedlyAsync(TimeSpan duration)
    {
        var results = new List<TimeSpan?>();
        var until = Stopwatch.StartNew();
        while (until.Elapsed < duration)
        {
            results.Add(await LoginOnceAsync());
            await Task.Delay(200);
        }
        return results;
    }

    public async Task<TimeSpan?> LoginOnceAsync()
    {
        var client = new IkosaClient(new IkosaClientOptions { BaseAddress = baseAddress, Reconnect = false });
        try
        {
            var watch = Stopwatch.StartNew();
            await client.LoginAsync(user, password).WaitAsync(GiveUpAfter);
            var elapsed = watch.Elapsed;
            await client.LogoutAsync().WaitAsync(GiveUpAfter);
            return elapsed;
        }
        catch (Exception error) when (error is Ikosa.ServiceModel.CommunicationException or TimeoutException)
        {
            Console.WriteLine($"    legit login failed: {error.GetType().Name}: {error.Message}");
            return null;
        }
        finally
        {
            await client.DisposeAsync();
        }
    }
}
