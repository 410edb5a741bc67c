namespace Ikosa.Tests.WebApp;

/// <summary>
/// A fact that needs Debian's chromium: skipped, with the reason shown, when /usr/bin/chromium is missing (.ci/run
/// installs it: <c>apt-get install -y chromium</c>; Playwright's own browser downloads are impossible here).
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Browsers.Chromium))
            Skip = $"{Browsers.Chromium} is missing: install it (apt-get install -y chromium) to drive the graphical table in a real browser";
    }
}
