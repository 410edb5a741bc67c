using Ikosa.Contracts;

namespace Ikosa.Tests.EndToEnd;

/// <summary>The game master, alice (Tordek), bob (Mialee) and dave (nobody), logged in to a sample game.</summary>
internal sealed class Table : IAsyncDisposable
{
    private static readonly Guid Tordek = Sample.Tordek.Value;
    private static readonly Guid Mialee = Sample.Mialee.Value;
    private static readonly Guid Goblin = Sample.Goblins[0].Value;

    private Table(LoopbackGame game, RecordingClient gm, RecordingClient alice, RecordingClient bob, RecordingClient? dave)
    {
        (Game, Gm, Alice, Bob, _dave) = (game, gm, alice, bob, dave);
    }

    private readonly RecordingClient? _dave;

    public LoopbackGame Game { get; }

    public RecordingClient Gm { get; }

    public RecordingClient Alice { get; }

    public RecordingClient Bob { get; }

    /// <summary>Logged in, playing nobody (not at the starter campaign's table).</summary>
    public RecordingClient Dave => _dave ?? throw new InvalidOperationException("dave is not at this table");

    private IEnumerable<(string User, RecordingClient Client)> Everyone =>
        _dave is null ? [("gm", Gm), ("alice", Alice), ("bob", Bob)] : [("gm", Gm), ("alice", Alice), ("bob", Bob), ("dave", _dave)];

    public static Task<Table> SeatAsync() => SeatAsync(campaign: null, Tordek, Mialee);

    /// <summary>
    /// The game master, alice and bob at a game of <paramref name="campaign"/> (a folder), playing
    /// <paramref name="alices"/> and <paramref name="bobs"/> characters; dave too when the campaign is the sample.
    /// </summary>
    public static async Task<Table> SeatAsync(string? campaign, Guid alices, Guid bobs)
    {
        var game = await LoopbackGame.StartAsync(campaign: campaign);
        try
        {
            return new Table(game, await game.LoginAsync("gm"), await game.LoginAsync("alice", alices), await game.LoginAsync("bob", bobs),
                campaign is null ? await game.LoginAsync("dave") : null);
        }
        catch
        {
            await game.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// What each user heard of <typeparamref name="T"/> that <paramref name="match"/>es. A chat line to everyone is sent
    /// first and awaited by all: batches arrive in commit order, so what came before it has come, or never will.
    /// </summary>
    public async Task<Dictionary<string, List<T>>> HeardAsync<T>(Func<T, bool> match) where T : NotificationInfo
    {
        var marker = $"marker {Guid.NewGuid():N}";
        await Gm.SayAsync(marker);
        foreach (var (_, client) in Everyone)
            await client.WaitForChatAsync(marker);
        return Everyone.ToDictionary(u => u.User, u => u.Client.Notifications.OfType<T>().Where(match).ToList());
    }

    /// <summary>Each of <paramref name="users"/> heard it once; nobody else did.</summary>
    public static void OnlyThese<T>(Dictionary<string, List<T>> heard, params string[] users)
    {
        Assert.Equal(users.Order(), heard.Where(h => h.Value.Count > 0).Select(h => h.Key).Order());
        Assert.All(users, user => Assert.Single(heard[user]));
    }

    /// <summary>Combat between Tordek and Goblin 1, placed next to him: the goblin rolls 2 (the host), Tordek 20 (alice): Tordek's turn.</summary>
    public async Task StartCombatWithTordekFirstAsync()
    {
        var goblin = await Gm.Client.Game.GetCreatureAsync(Goblin);
        await Gm.Client.Master!.EditCreatureAsync(new CreatureEditInfo { Id = Goblin, ExpectedVersion = goblin.Version, X = 3, Y = 2 });
        Game.Dice.Enqueue(1);
        Assert.True((await Gm.Client.Master!.StartCombatAsync([Tordek, Goblin])).Accepted);
        await AnswerInitiativeAsync(Alice, Tordek, 19);
        Assert.Equal(Tordek, (await Alice.Client.Game.GetTurnTrackerAsync()).Current);
    }

    /// <summary>The player rolls the creature's initiative prompt; the host's die shows <paramref name="face"/>.</summary>
    public async Task AnswerInitiativeAsync(RecordingClient player, Guid creature, int face)
    {
        var prompt = Assert.Single(await player.Client.Game.GetPrerequisitesAsync(creature));
        Game.Dice.Enqueue(face);
        Assert.True(Assert.Single(await player.Client.Game.SetPrerequisitesAsync([new AnswerInfo { Prerequisite = prompt.Id, Step = prompt.Step }])).Accepted);
    }

    public ValueTask DisposeAsync() => Game.DisposeAsync();
}
