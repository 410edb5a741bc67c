namespace Ikosa.Tests.ClientApp;

/// <summary>
/// A fact that needs tmux: skipped, with the reason shown, when tmux is not on PATH (CI installs it:
/// <c>apt-get install -y tmux</c>). The check runs at discovery; tests install nothing.
/// </summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (Tmux.Path() is null)
            Skip = "tmux is not on PATH: install it (apt-get install -y tmux) to drive the terminal app in a real terminal";
    }
}
