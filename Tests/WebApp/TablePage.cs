using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ikosa.Tests.WebApp;

/// <summary>One person's browser on the graphical table: clicks on map squares, and reads what the page shows.</summary>
public sealed class TablePage(IPage page, string who)
{
    public IPage Page { get; } = page;

    public string Who { get; } = who;

    /// <summary>Waits until the page has drawn the map and a state.</summary>
    public async Task ReadyAsync()
    {
        await Page.WaitForFunctionAsync("() => window.ikosa && ikosa.map() && ikosa.state()");
        await Page.EvaluateAsync("() => ikosa.setScale(32)");
    }

    /// <summary>Clicks the middle of square (x, y) on the canvas (shift-click to add to the master's selection).</summary>
    public async Task ClickSquareAsync(int x, int y, bool shift = false)
    {
        var at = await Page.EvaluateAsync<JsonElement>("([x, y]) => ikosa.cellCenter(x, y)", new[] { x, y });
        await Page.Locator("#map").ClickAsync(new LocatorClickOptions
        {
            Position = new Position { X = (float)at.GetProperty("x").GetDouble(), Y = (float)at.GetProperty("y").GetDouble() },
            Modifiers = shift ? [KeyboardModifier.Shift] : null,
        });
    }

    /// <summary>Waits until the page's state satisfies a script predicate over <c>s</c>, e.g. "s.tracker.inCombat".</summary>
    public Task WaitStateAsync(string predicate) =>
        Page.WaitForFunctionAsync($"() => {{ const s = ikosa.state(); return !!s && ({predicate}); }}");

    public Task<string[]> DrawnTokensAsync() => Page.EvaluateAsync<string[]>("() => ikosa.drawnTokens()");

    public Task<string[]> TokensInStateAsync() => Page.EvaluateAsync<string[]>("() => ikosa.state().tokens.map(t => t.name)");

    public async Task ConfirmAsync(string expected)
    {
        await Expect(Page.Locator("#pending-text")).ToContainTextAsync(expected);
        await Page.Locator("#confirm").ClickAsync();
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browsers.ArtifactFolder(), $"{name}-{Who}.png"), FullPage = true });
}
