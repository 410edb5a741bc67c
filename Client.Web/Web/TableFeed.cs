using System.Text.Json;
using System.Threading.Channels;
using Ikosa.Client.App.Commands;
using Ikosa.Client.App.Session;
using Ikosa.Contracts;
using Ikosa.ServiceModel;
using Microsoft.Extensions.Logging;

namespace Ikosa.Client.App.Web;

/// <summary>
/// The table as the page sees it: after each batch (or change of connection) one refresh from the host, turned into a
/// <see cref="PageState"/> and, when the squares changed, a <see cref="PageMap"/>, pushed to every open page as
/// server-sent events. Batches that arrive during a refresh are covered by the next one, so a burst costs two refreshes.
/// The tokens travel apart from the state, as <see cref="PageTokens"/> changes: a master's page shows a thousand, and
/// a move changes one.
/// </summary>
public sealed class TableFeed : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const int ChatKept = 300;
    private const int LogShown = 60;

    private readonly GameSession _session;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Channel<PageEvent>> _pages = new();
    private readonly Dictionary<Guid, DateTimeOffset> _deadlines = new();
    private readonly Task _loop;
    private PageEvent? _lastMap;
    private PageEvent? _lastState;
    private Dictionary<Guid, PageToken> _tokens = new();
    private IReadOnlyList<PageToken> _tokenList = [];
    private long _tokensVersion;
    private PageState? _state;
    private string _squares = "";
    private (List<CellInfo>? Visible, List<CellInfo>? Remembered) _mapCells;
    private long _mapVersion;
    private volatile PageConnection _connection = new("ok", "connected");

    public TableFeed(GameSession session, ILogger<TableFeed> logger)
    {
        _session = session;
        _logger = logger;
        session.Client.BatchReceived += PublishDelta;
        session.Changed += Wake;
        session.Client.On<PromptWaitingInfo>(prompt =>
        {
            if (prompt.Deadline is { } deadline)
                lock (_deadlines)
                    _deadlines[prompt.Prerequisite] = deadline;
        });
        session.Client.ConnectionInterrupted += _ => _connection = new("reconnecting", "The host is unreachable — reconnecting…");
        session.Client.Reconnected += () => _connection = new("ok", "Reconnected: back in the game.");
        session.Client.SessionEnded += reason => _connection = new("ended", $"The session ended: {reason}");
        session.Client.ConnectionLost += error => _connection = new("ended", $"The connection is lost: {error.Message}");
        _loop = Task.Run(LoopAsync);
        Wake();
    }

    public GameSession Session => _session;

    /// <summary>The last state sent to the pages.</summary>
    public PageState? State => _state;

    /// <summary>Asks for a refresh soon (after a batch, or after a request changed what the page shows).</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A refresh is already asked for: it will see this change too.
        }
    }

    /// <summary>Refreshes now and waits until the pages were sent the result.</summary>
    public async Task RefreshNowAsync()
    {
        await _refreshing.WaitAsync().ConfigureAwait(false);
        try
        {
            await RefreshAsync().ConfigureAwait(false);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private readonly SemaphoreSlim _refreshing = new(1, 1);

    /// <summary>A page's stream of events: the current map and state first, then every change. Dispose the page's reader by completing it.</summary>
    public ChannelReader<PageEvent> Subscribe(CancellationToken gone)
    {
        var channel = Channel.CreateBounded<PageEvent>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_pages)
        {
            if (_lastMap is { } map)
                channel.Writer.TryWrite(map);
            channel.Writer.TryWrite(Event("tokens", new PageTokens(_tokensVersion, 0, _tokenList, [])));
            if (_lastState is { } state)
                channel.Writer.TryWrite(state);
            _pages.Add(channel);
        }
        gone.Register(() =>
        {
            lock (_pages)
                _pages.Remove(channel);
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(_stop.Token).ConfigureAwait(false);
                await RefreshNowAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RefreshAsync()
    {
        PageState state;
        try
        {
            var screen = await _session.RefreshAsync().ConfigureAwait(false);
            var users = _session.IsMaster ? await _session.Client.Login.GetUsersAsync().ConfigureAwait(false) : [];
            if (screen.View is { } view)
                PublishMap(view);
            state = Build(screen, users);
        }
        catch (Exception error) when (error is CommunicationException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            // The host is away: the page keeps what it shows and says so; the next batch or reconnect refreshes again.
            _logger.LogDebug("Refresh failed: {Reason}", error.Message);
            if (_state is null)
                return;
            state = _state with { Connection = _connection.Status == "ok" ? new("reconnecting", "The host is not answering…") : _connection, Chat = Chat() };
        }
        _state = state;
        PublishTokens(state.Tokens);
        Publish(Event("state", state with { Tokens = [] }), map: false);
    }

    private void PublishDelta(BatchInfo batch)
    {
        var moves = batch.Items.OfType<CreatureMovedInfo>().Select(m => new PageMove(m.Creature, m.To.X, m.To.Y)).ToList();
        var health = batch.Items.OfType<HitPointsChangedInfo>().Select(h => new PageHealth(h.Creature, h.HitPoints, h.Health)).ToList();
        if (moves.Count > 0 || health.Count > 0)
            Publish(Event("delta", new PageDelta(batch.Serial, moves, health)), map: false, keep: false);
    }

    /// <summary>The tokens that are new or changed since the last ones sent, and those gone; nothing when none.</summary>
    private void PublishTokens(IReadOnlyList<PageToken> tokens)
    {
        var now = new Dictionary<Guid, PageToken>(tokens.Count);
        foreach (var token in tokens)
            now[token.Id] = token;
        var put = now.Values.Where(t => !_tokens.TryGetValue(t.Id, out var before) || before != t).ToList();
        var gone = _tokens.Keys.Where(id => !now.ContainsKey(id)).ToList();
        if (put.Count == 0 && gone.Count == 0)
            return;
        lock (_pages)
        {
            (_tokens, _tokenList) = (now, [.. now.Values]);
            _tokensVersion++;
            Publish(Event("tokens", new PageTokens(_tokensVersion, _tokensVersion - 1, put, gone)), map: false, keep: false);
        }
    }

    private static PageEvent Event<T>(string name, T data) => new(name, JsonSerializer.Serialize(data, Json));

    private void PublishMap(ViewInfo view)
    {
        // The view reader hands out the same lists while the cells are unchanged: nothing to build, nothing to send.
        if (ReferenceEquals(view.Visible, _mapCells.Visible) && ReferenceEquals(view.Remembered, _mapCells.Remembered))
            return;
        _mapCells = (view.Visible, view.Remembered);
        var squares = PageMapBuilder.Squares(view);
        if (squares == _squares)
            return;
        _squares = squares;
        var map = new PageMap(view.Width, view.Height, squares, ++_mapVersion);
        Publish(Event("map", map), map: true);
    }

    private void Publish(PageEvent item, bool map, bool keep = true)
    {
        lock (_pages)
        {
            if (map)
                _lastMap = item;
            else if (keep)
                _lastState = item;
            foreach (var page in _pages)
                page.Writer.TryWrite(item);
        }
    }

    private PageState Build(ScreenState screen, IReadOnlyList<UserInfo> users)
    {
        var names = _session.Names;
        var mine = _session.MyCharacters(screen.Characters).Select(c => c.Id).ToHashSet();
        var tokens = (screen.View?.Creatures ?? []).Select(t => new PageToken(t.Id, t.Name, t.Team, t.X, t.Y, t.Icon, t.State, mine.Contains(t.Id))).ToList();
        // A character's view lists the others it sees, not itself.
        if (screen.Me is { } me && screen.View?.Viewer == me.Id && tokens.All(t => t.Id != me.Id))
            tokens.Add(new PageToken(me.Id, me.Name, me.Team, me.X, me.Y, me.Team + ".svg", me.State, mine.Contains(me.Id)));
        Dictionary<Guid, DateTimeOffset> deadlines;
        lock (_deadlines)
        {
            var waiting = screen.Prompts.Select(p => p.Id).ToHashSet();
            foreach (var gone in _deadlines.Keys.Where(k => !waiting.Contains(k)).ToList())
                _deadlines.Remove(gone);
            deadlines = new(_deadlines);
        }
        return new PageState(
            screen.Serial,
            screen.Received,
            _session.UserName,
            _session.IsMaster,
            screen.Active,
            _session.ViewAs,
            screen.Me is { } c ? new PageCreature(c.Id, c.Name, c.Team, c.X, c.Y, c.HitPoints, c.MaxHitPoints, c.ArmorClass, c.State) : null,
            screen.Characters.Select(ch => new PageCharacter(ch.Id, ch.Name, ch.PlayedBy, mine.Contains(ch.Id))).ToList(),
            tokens,
            new PageTracker(screen.Tracker.InCombat, screen.Tracker.Round, screen.Tracker.Current,
                screen.Tracker.Order.Select(e => new PageTurn(e.Creature, e.Name, e.Initiative)).ToList()),
            screen.Actions.Select(a => new PageAction(a.Key, a.Name, a.Time,
                a.Aiming.Select(m => new PageAiming(m.Key, m.Kind, m.Min, m.Max, m.RangeFeet, m.Candidates, m.Prompt)).ToList(),
                AreaTemplate.RadiusFeet(a.Key))).ToList(),
            screen.Prompts.Select(p => new PagePrompt(p.Id, p.Step, p.Kind, p.Prompt, p.Creature,
                p.Creature is { } who ? names.NameOf(who) : "the game master", p.Options, p.Min, p.Max, p.DiceExpression, p.PhysicalDiceAllowed,
                deadlines.TryGetValue(p.Id, out var deadline) ? deadline : null)).ToList(),
            screen.Dice.Select(d => new PageRoll(d.Purpose, d.Expression, d.Total, d.Physical, d.AskedBy)).ToList(),
            Chat(),
            _session.Log.Last(LogShown, e => e.Kind is not LogKind.Chat).Select(Line).ToList(),
            users.Select(u => new PageUser(u.Name, u.IsMaster, u.IsOnline, u.IsDisabled)).ToList(),
            screen.Problem,
            _connection);
    }

    // The chat is kept by the app, so that it outlives a reconnect to the host and a reload of the page.
    private List<PageLine> Chat() => _session.Log.Last(ChatKept, e => e.Kind == LogKind.Chat).Select(Line).ToList();

    private static PageLine Line(LogEntry entry) => new(entry.Sequence, entry.Kind.ToString().ToLowerInvariant(), entry.Text);

    public async ValueTask DisposeAsync()
    {
        _session.Client.BatchReceived -= PublishDelta;
        _session.Changed -= Wake;
        _stop.Cancel();
        await _loop.ConfigureAwait(false);
        lock (_pages)
            foreach (var page in _pages)
                page.Writer.TryComplete();
    }
}

/// <summary>One server-sent event: its name ("map" or "state") and its JSON.</summary>
public sealed record PageEvent(string Name, string Data);
