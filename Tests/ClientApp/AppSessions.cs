using Ikosa.Client.App.Commands;
using Ikosa.Client.App.Session;
using Ikosa.Tests.EndToEnd;

namespace Ikosa.Tests.ClientApp;

/// <summary>App sessions (what the terminal app runs on) logged in to a loopback game, with their command executors.</summary>
public sealed class AppSessions : IAsyncDisposable
{
    private readonly List<GameSession> _sessions = new();

    private AppSessions(LoopbackGame game) => Game = game;

    public LoopbackGame Game { get; }

    /// <summary>A loopback game of the sample campaign, or of the campaign folder <paramref name="campaign"/>.</summary>
    public static async Task<AppSessions> StartAsync(string? campaign = null) => new(await LoopbackGame.StartAsync(campaign: campaign));

    public async Task<(GameSession Session, CommandExecutor Commands)> LoginAsync(string user)
    {
        var session = await GameSession.LoginAsync(Game.BaseAddress, user, LoopbackGame.PasswordOf(user));
        lock (_sessions)
            _sessions.Add(session);
        return (session, new CommandExecutor(session));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
            await session.DisposeAsync();
        await Game.DisposeAsync();
    }
}

public static class CommandAssertions
{
    public static async Task<CommandResult> Ok(this CommandExecutor commands, string line)
    {
        var result = await commands.ExecuteAsync(line);
        Assert.True(result.Ok, $"'{line}' failed: {string.Join(" / ", result.Lines)}");
        return result;
    }

    public static async Task<string> Refused(this CommandExecutor commands, string line)
    {
        var result = await commands.ExecuteAsync(line);
        Assert.False(result.Ok, $"'{line}' should have been refused but said: {string.Join(" / ", result.Lines)}");
        return string.Join(" / ", result.Lines);
    }

    /// <summary>Waits (bounded) until the session's log has a line containing <paramref name="text"/>; batches wake the wait.</summary>
    public static async Task<string> LogLineAsync(this GameSession session, string text, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var change = session.NextChange;
            if (session.Log.Last(1000).FirstOrDefault(e => e.Text.Contains(text, StringComparison.Ordinal)) is { } entry)
                return entry.Text;
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no log line with '{text}' in {seconds} s; log: {string.Join(" | ", session.Log.Last(30).Select(e => e.Text))}");
            await GameSession.WaitAsync(change, left);
        }
    }
}
