using Microsoft.Playwright;

namespace Ikosa.Tests.WebApp;

/// <summary>Playwright driving the system's chromium, headless, with nothing fetched from the network.</summary>
public sealed class Browsers : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Browsers(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Browsers> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Browsers(playwright, browser);
    }

    /// <summary>A page in a context of its own (its own cookies and storage, as another person's browser), opened at <paramref name="url"/>.</summary>
    public async Task<IPage> OpenAsync(Uri url, int width = 1400, int height = 860)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url.ToString());
        return page;
    }

    /// <summary>Where the tests' screenshots go: TestResults/web/ at the repository's root (or beside the tests).</summary>
    public static string ArtifactFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ikosa.sln")))
            folder = folder.Parent;
        var path = Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "TestResults", "web");
        Directory.CreateDirectory(path);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
