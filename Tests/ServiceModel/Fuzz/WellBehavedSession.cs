using Ikosa.ServiceModel;
using Ikosa.Tests.ServiceModel.Runtime;

namespace Ikosa.Tests.ServiceModel.Fuzz;

/// <summary>
/// A client calling Echo in a loop on its own channel while the hostile cases run; every answer must be right.
/// The loop is bounded in count, stops when asked, and its first failure is what <see cref="StopAsync"/> throws.
/// </summary>
public sealed class WellBehavedSession
{
    private const int MaxCalls = 1_000_000;

    private readonly DuplexChannelFactory<IEchoServiceAsync> _factory;
    private readonly IEchoServiceAsync _proxy;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;
    private int _calls;

    private WellBehavedSession(LoopbackHost host)
    {
        _factory = host.DuplexFactory<IEchoServiceAsync>(new EchoCallback());
        _proxy = _factory.CreateChannel();
    }

    /// <summary>Starts the loop and returns once its first call has been answered, so the cases run alongside it.</summary>
    public static async Task<WellBehavedSession> StartAsync(LoopbackHost host)
    {
        var session = new WellBehavedSession(host);
        session._loop = Task.Run(session.LoopAsync);
        await Task.WhenAny(session._firstCall.Task, session._loop);
        await session._firstCall.Task;
        return session;
    }

    /// <summary>Stops the loop, checks one more call, closes the channel; the number of calls answered.</summary>
    public async Task<int> StopAsync()
    {
        _stop.Cancel();
        await _loop;
        Assert.Equal("last:-1", await _proxy.EchoAsync(-1, "last"));
        await ((IClientChannel)_proxy).CloseAsync();
        _factory.Close();
        return _calls;
    }

    private async Task LoopAsync()
    {
        try
        {
            for (var i = 0; i < MaxCalls && !_stop.IsCancellationRequested; i++)
            {
                var answer = await _proxy.EchoAsync(i, "good");
                if (answer != $"good:{i}")
                    throw new InvalidOperationException($"Echo({i}) answered '{answer}'.");
                _calls++;
                _firstCall.TrySetResult();
            }
        }
        catch (Exception error)
        {
            _firstCall.TrySetException(error);
            throw;
        }
    }
}
