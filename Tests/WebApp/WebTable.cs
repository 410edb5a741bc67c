using Ikosa.Client.App.Session;
using Ikosa.Client.App.Web;

namespace Ikosa.Tests.WebApp;

/// <summary>The game master's, alice's and bob's apps each serving its page, open in one browser, each in its own context.</summary>
public sealed class WebTable : IAsyncDisposable
{
    private readonly WebServer[] _servers;
    private readonly Browsers _browsers;

    private WebTable(WebServer[] servers, Browsers browsers, TablePage gm, TablePage alice, TablePage bob)
    {
        (_servers, _browsers) = (servers, browsers);
        (Gm, Alice, Bob) = (gm, alice, bob);
    }

    public TablePage Gm { get; }

    public TablePage Alice { get; }

    public TablePage Bob { get; }

    public static async Task<WebTable> OpenAsync(GameSession gm, GameSession alice, GameSession bob)
    {
        var servers = new List<WebServer>();
        Browsers? browsers = null;
        try
        {
            foreach (var session in new[] { gm, alice, bob })
                servers.Add(await WebServer.StartAsync(session));
            browsers = await Browsers.LaunchAsync();
            return new WebTable([.. servers], browsers,
                new TablePage(await browsers.OpenAsync(servers[0].Url), "gm"),
                new TablePage(await browsers.OpenAsync(servers[1].Url), "alice"),
                new TablePage(await browsers.OpenAsync(servers[2].Url), "bob"));
        }
        catch
        {
            if (browsers is not null)
                await browsers.DisposeAsync();
            foreach (var server in servers)
                await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browsers.DisposeAsync();
        foreach (var server in _servers.Reverse())
            await server.DisposeAsync();
    }
}
