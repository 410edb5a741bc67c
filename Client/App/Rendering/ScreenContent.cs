using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Rendering;

/// <summary>Everything one screen shows: the state fetched from the host, and what the app itself knows (who, the log, the last result).</summary>
public sealed record ScreenContent(string UserName, bool IsMaster, NameDirectory Names, EventLog Log, ScreenState State, string? Status)
{
    public static ScreenContent Of(GameSession session, ScreenState state, string? status) =>
        new(session.UserName, session.IsMaster, session.Names, session.Log, state, status);

    /// <summary>The characters this user plays now.</summary>
    public IEnumerable<CharacterInfo> Mine => State.Characters.Where(c => string.Equals(c.PlayedBy, UserName, StringComparison.OrdinalIgnoreCase));
}
