using Ikosa.Client.Library;
using Ikosa.Contracts;
using Ikosa.ServiceModel;
using Microsoft.Extensions.Logging;

namespace Ikosa.Client.App.Session;

/// <summary>
/// One logged-in user of the app: the library client, the character the user is looking through, the log that the host's
/// batches become, and a refresh that fetches what the screen shows. Host calls are made from one thread at a time (the
/// app's loop); batches arrive on the library's thread and only add log lines and raise <see cref="Changed"/>.
/// </summary>
public sealed class GameSession : IAsyncDisposable
{
    private const int DiceShown = 8;
    private TaskCompletionSource _nextChange = NewSignal();

    private GameSession(IkosaClient client, TicketInfo ticket)
    {
        Client = client;
        Ticket = ticket;
        client.BatchReceived += OnBatch;
        client.SessionEnded += reason =>
        {
            EndedBecause = reason;
            Log.Add(LogKind.System, $"session ended: {reason}");
            Signal();
        };
        client.ConnectionLost += error =>
        {
            EndedBecause = error.Message;
            Log.Add(LogKind.System, $"connection lost: {error.Message}");
            Signal();
        };
        client.ConnectionInterrupted += error =>
        {
            Log.Add(LogKind.System, $"host unreachable — reconnecting… ({error.Message})");
            Signal();
        };
        client.Reconnected += () =>
        {
            Log.Add(LogKind.System, "reconnected: back in the game");
            Signal();
        };
    }

    public IkosaClient Client { get; }

    public TicketInfo Ticket { get; }

    public string UserName => Ticket.UserName;

    public bool IsMaster => Ticket.IsMaster;

    public EventLog Log { get; } = new();

    public NameDirectory Names { get; } = new();

    /// <summary>The creature whose actions the commands use and whose eyes draw the map.</summary>
    public Guid? Active { get; set; }

    /// <summary>The last state fetched by <see cref="RefreshAsync"/>.</summary>
    public ScreenState? State { get; private set; }

    /// <summary>Set when the host ended the session or the connection could not be resumed.</summary>
    public string? EndedBecause { get; private set; }

    /// <summary>Raised (on the library's thread) after a batch or a change of connection.</summary>
    public event Action? Changed;

    public static Task<GameSession> LoginAsync(Uri host, string user, string password, ILoggerFactory? loggers = null) =>
        LoginAsync(new IkosaClientOptions { BaseAddress = host }, user, password, loggers);

    public static Task<GameSession> LoginAsync(IkosaClientOptions connection, string user, string password, ILoggerFactory? loggers = null) =>
        StartAsync(connection, client => client.LoginAsync(user, password), loggers);

    /// <summary>Logs in with the game master's one-time code, choosing <paramref name="newPassword"/> for the times after.</summary>
    public static Task<GameSession> RedeemCodeAsync(IkosaClientOptions connection, string user, string code, string newPassword, ILoggerFactory? loggers = null) =>
        StartAsync(connection, client => client.RedeemCodeAsync(user, code, newPassword), loggers);

    private static async Task<GameSession> StartAsync(IkosaClientOptions connection, Func<IkosaClient, Task<TicketInfo>> login, ILoggerFactory? loggers)
    {
        var client = new IkosaClient(connection, loggers);
        try
        {
            var ticket = await login(client).ConfigureAwait(false);
            var session = new GameSession(client, ticket);
            session.Log.Add(LogKind.System, $"logged in as {ticket.UserName}{(ticket.IsMaster ? " (game master)" : "")}");
            return session;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The characters this user plays now.</summary>
    public IReadOnlyList<CharacterInfo> MyCharacters(IEnumerable<CharacterInfo> characters) =>
        characters.Where(c => string.Equals(c.PlayedBy, UserName, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>
    /// For a game master: the creature to look through instead of the whole map (null: the master's view). Players always
    /// look through <see cref="Active"/>.
    /// </summary>
    public Guid? ViewAs { get; set; }

    /// <summary>For a game master: the scene whose whole map is shown (null: the scene on the map).</summary>
    public Guid? MasterScene { get; private set; }

    /// <summary>For a game master: shows the whole map of <paramref name="scene"/> instead of any creature's view.</summary>
    public void ShowScene(SceneInfo scene)
    {
        MasterScene = scene.Opening ? null : scene.Id;
        ViewAs = null;
    }

    /// <summary>
    /// Fetches what the screen shows; a part the host refuses is left empty and named in <see cref="ScreenState.Problem"/>.
    /// The parts are asked for at once (the channels carry concurrent requests), so a refresh costs about one round trip.
    /// </summary>
    public async Task<ScreenState> RefreshAsync()
    {
        var received = Client.LastSerial;
        var characters = await Client.Login.GetCharactersAsync().ConfigureAwait(false);
        var mine = MyCharacters(characters);
        if (Active is { } active && !IsMaster && mine.All(c => c.Id != active))
            Active = null;
        if (Active is null && mine.Count > 0)
            Active = mine[0].Id;

        var problems = new System.Collections.Concurrent.ConcurrentQueue<string>();
        async Task<T?> TryAsync<T>(Func<Task<T>> fetch) where T : class
        {
            try
            {
                return await fetch().ConfigureAwait(false);
            }
            catch (CommunicationException error) when (error is FaultException)
            {
                problems.Enqueue(error.Message);
                return null;
            }
        }

        var lookThrough = IsMaster ? ViewAs : Active;
        var serial = Client.Game.GetSerialAsync();
        var view = IsMaster && lookThrough is null
            ? TryAsync(() => Client.Views.WholeMapAsync(MasterScene))
            : lookThrough is { } viewer ? TryAsync(() => Client.Views.OfAsync(viewer)) : Task.FromResult<ViewInfo?>(null);
        var me = Active is { } self ? TryAsync(() => Client.Game.GetCreatureAsync(self)) : Task.FromResult<CreatureInfo?>(null);
        var tracker = Client.Game.GetTurnTrackerAsync();
        var actions = Active is { } actor ? TryAsync(() => Client.Game.GetActionsAsync(actor)) : Task.FromResult<List<ActionInfo>?>(null);
        var prompts = Client.Game.GetPrerequisitesAsync(null);
        var dice = Client.Game.GetDiceLogAsync(DiceShown);
        await Task.WhenAll(serial, view, me, tracker, actions, prompts, dice).ConfigureAwait(false);
        var state = new ScreenState
        {
            Serial = serial.Result,
            Received = received,
            Characters = characters,
            Active = Active,
            View = view.Result,
            Me = me.Result,
            Tracker = tracker.Result,
            Actions = actions.Result ?? [],
            Prompts = prompts.Result,
            Dice = dice.Result,
            Problem = problems.IsEmpty ? null : string.Join("; ", problems),
        };
        Names.Learn(state);
        State = state;
        return state;
    }

    /// <summary>
    /// Completes at the first batch or change of connection after it is read. Read it before checking what you wait
    /// for, so a change in between is not missed; every waiter is woken, however many there are.
    /// </summary>
    public Task NextChange => Volatile.Read(ref _nextChange).Task;

    /// <summary>Waits for <see cref="NextChange"/> up to <paramref name="timeout"/>; false when nothing changed in time.</summary>
    public static async Task<bool> WaitAsync(Task change, TimeSpan timeout, CancellationToken cancel = default)
    {
        try
        {
            await change.WaitAsync(timeout, cancel).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void OnBatch(BatchInfo batch)
    {
        if (batch.Refetch)
            Log.Add(LogKind.System, "missed too much while away: everything was fetched anew");
        foreach (var item in batch.Items)
        {
            var (kind, text) = NotificationText.Format(item, Names);
            Log.Add(kind, text);
        }
        Signal();
    }

    private void Signal()
    {
        Interlocked.Exchange(ref _nextChange, NewSignal()).TrySetResult();
        Changed?.Invoke();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (EndedBecause is null && Client.Ticket is not null)
                await Client.LogoutAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (error is CommunicationException or TimeoutException or ObjectDisposedException)
        {
            // Leaving anyway: the host ends the seat when its grace time runs out.
        }
        await Client.DisposeAsync().ConfigureAwait(false);
    }
}
