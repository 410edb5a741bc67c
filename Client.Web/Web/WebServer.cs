using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Ikosa.Client.App.Commands;
using Ikosa.Client.App.Session;
using Ikosa.ServiceModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikosa.Client.App.Web;

/// <summary>
/// The graphical table: Kestrel on 127.0.0.1 serving one page (Page/: HTML, a script drawing the map on a canvas, CSS),
/// the table's state as server-sent events (<see cref="TableFeed"/>), and the page's requests as small JSON calls that
/// go to the host through the same session the terminal app uses. Everything is under the secret of <see cref="SecretGate"/>.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Type, byte[] Data)> _images = new();

    private WebServer(WebApplication app, TableFeed feed)
    {
        _app = app;
        Feed = feed;
    }

    /// <summary>The page's address, secret included: what the user opens.</summary>
    public Uri Url { get; private set; } = null!;

    public TableFeed Feed { get; }

    public static async Task<WebServer> StartAsync(GameSession session, int port = 0, ILoggerFactory? loggers = null, string? secret = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        var gate = new SecretGate(secret ?? SecretGate.NewSecret());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var feed = new TableFeed(session, loggers.CreateLogger<TableFeed>());
        app.Use((context, next) => gate.InvokeAsync(context, _ => next()));
        app.UseRouting(); // after the gate, so that routes match the path without the secret
        var server = new WebServer(app, feed);
        server.Map(app);
        await app.StartAsync().ConfigureAwait(false);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        server.Url = new Uri($"http://127.0.0.1:{bound.Port}/{gate.Secret}/");
        return server;
    }

    private void Map(WebApplication app)
    {
        var play = new TableActions(Feed);
        var master = new MasterActions(Feed);
        app.MapGet("/", () => Page("index.html", "text/html; charset=utf-8"));
        app.MapGet("/table.js", () => Page("table.js", "text/javascript; charset=utf-8"));
        app.MapGet("/table.css", () => Page("table.css", "text/css; charset=utf-8"));
        app.MapGet("/events", (HttpContext context) => TypedResults.ServerSentEvents(Events(context.RequestAborted)));
        app.MapGet("/api/state", () => Feed.State is { } state ? Results.Json(state, TableFeed.Json) : Results.StatusCode(503));
        app.MapGet("/api/image/{name}", ImageAsync);
        app.MapGet("/api/plan", (Guid creature, int x, int y) => Ask(() => play.PlanAsync(creature, x, y)));
        app.MapGet("/api/sheet", (Guid creature) => Ask(() => play.SheetAsync(creature)));
        app.MapGet("/api/area", (Guid creature, string action, int x, int y) => Ask(() => play.AreaAsync(creature, action, x, y)));
        app.MapPost("/api/act", (ActRequest request) => Do(() => play.ActAsync(request)));
        app.MapPost("/api/attack", (AttackRequest request) => Do(() => play.AttackAsync(request)));
        app.MapPost("/api/answer", (AnswerRequest request) => Do(() => play.AnswerAsync(request)));
        app.MapPost("/api/end", () => Do(play.EndTurnAsync));
        app.MapPost("/api/chat", (ChatRequest request) => Do(() => play.ChatAsync(request)));
        app.MapPost("/api/play", (PlayRequest request) => Do(() => play.PlayAsync(request)));
        app.MapPost("/api/use", (UseRequest request) => Do(() => play.UseAsync(request)));
        app.MapPost("/api/master/start-combat", (CreaturesRequest request) => Do(() => master.StartCombatAsync(request)));
        app.MapPost("/api/master/stop-combat", () => Do(master.StopCombatAsync));
        app.MapPost("/api/master/add-combatants", (CreaturesRequest request) => Do(() => master.AddCombatantsAsync(request)));
        app.MapPost("/api/master/drop-combatants", (CreaturesRequest request) => Do(() => master.DropCombatantsAsync(request)));
        app.MapPost("/api/master/pause", (UserRequest request) => Do(() => master.PauseAsync(request)));
        app.MapPost("/api/master/edit", (EditRequest request) => Do(() => master.EditAsync(request)));
        app.MapGet("/api/master/scenes", () => Ask(master.ScenesAsync));
        app.MapGet("/api/master/bestiary", () => Ask(master.BestiaryAsync));
        app.MapPost("/api/master/show-scene", (SceneRequest request) => Do(() => master.ShowSceneAsync(request)));
        app.MapPost("/api/master/place", (PlaceRequest request) => Do(() => master.PlaceAsync(request)));
        app.MapPost("/api/master/remove", (CreatureRequest request) => Do(() => master.RemoveAsync(request)));
        app.MapPost("/api/master/move", (MoveRequest request) => Do(() => master.MoveAsync(request)));
        app.MapPost("/api/master/terrain", (TerrainRequest request) => Do(() => master.TerrainAsync(request)));
        app.MapPost("/api/master/players", (PlayersRequest request) => Do(() => master.PlayersAsync(request)));
        app.MapPost("/api/master/check", (CheckRequest request) => Do(() => master.CheckAsync(request)));
        app.MapPost("/api/master/roll", (RollRequest request) => Do(() => master.RollAsync(request)));
        app.MapPost("/api/master/create-player", (UserRequest request) => Do(() => master.CreatePlayerAsync(request)));
        app.MapPost("/api/master/reset-password", (UserRequest request) => Do(() => master.ResetPasswordAsync(request)));
        app.MapPost("/api/master/invite", (UserRequest request) => Do(() => master.InviteAsync(request)));
        app.MapPost("/api/master/allow-dice", (UserRequest request) => Do(() => master.AllowDiceAsync(request)));
        app.MapPost("/api/master/kick", (UserRequest request) => Do(() => master.KickAsync(request)));
        app.MapPost("/api/master/disable", (UserRequest request) => Do(() => master.DisableAsync(request)));
        app.MapPost("/api/master/snapshot", (NameRequest request) => Do(() => master.SnapshotAsync(request)));
    }

    private async IAsyncEnumerable<System.Net.ServerSentEvents.SseItem<string>> Events([EnumeratorCancellation] CancellationToken gone)
    {
        var reader = Feed.Subscribe(gone);
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            while (reader.TryRead(out var item))
                yield return new System.Net.ServerSentEvents.SseItem<string>(item.Data, item.Name);
    }

    /// <summary>A token's picture, from the host (GetImage) once, then from memory.</summary>
    private async Task<IResult> ImageAsync(string name)
    {
        if (!_images.TryGetValue(name, out var image))
        {
            try
            {
                var fetched = await Feed.Session.Client.Visualization.GetImageAsync(name).ConfigureAwait(false);
                image = _images.GetOrAdd(name, (fetched.ContentType, fetched.Data));
            }
            catch (FaultException)
            {
                return Results.NotFound();
            }
        }
        return Results.Bytes(image.Data, image.Type);
    }

    private static IResult Page(string file, string type)
    {
        using var stream = typeof(WebServer).Assembly.GetManifestResourceStream("Ikosa.Client.Page." + file)!;
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), type);
    }

    private static async Task<IResult> Ask<T>(Func<Task<T>> ask)
    {
        try
        {
            return Results.Json(await ask().ConfigureAwait(false), TableFeed.Json);
        }
        catch (Exception error) when (error is CommunicationException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            return Results.Json(new PageResult(false, CommandExecutor.Describe(error)), TableFeed.Json, statusCode: StatusCodes.Status409Conflict);
        }
    }

    /// <summary>Runs a request and answers with its result; the host's refusal or fault is a result too, never a stack trace.</summary>
    private async Task<IResult> Do(Func<Task<PageResult>> request)
    {
        PageResult result;
        try
        {
            result = await request().ConfigureAwait(false);
        }
        catch (Exception error) when (error is CommunicationException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            result = new PageResult(false, CommandExecutor.Describe(error));
        }
        Feed.Wake();
        return Results.Json(result, TableFeed.Json);
    }

    public async ValueTask DisposeAsync()
    {
        await Feed.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
