using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Commands;

/// <summary>Chat to everyone, the party, the game master, or one user; the lines come back to everyone addressed as batches.</summary>
public sealed class ChatCommands(GameSession session)
{
    public IEnumerable<CommandSpec> Specs() =>
    [
        CommandSpec.Sync("say", "say TEXT", "chat to everyone", c => Send(ChatAudience.Everyone, null, c.Rest)),
        CommandSpec.Sync("party", "party TEXT", "chat to the party", c => Send(ChatAudience.Party, null, c.Rest)),
        CommandSpec.Sync("gm", "gm TEXT", "chat to the game master", c => Send(ChatAudience.GameMaster, null, c.Rest)),
        CommandSpec.Sync("whisper", "whisper USER TEXT", "chat to one user", c => c.Args.Count < 2
            ? CommandResult.Failed("whisper to whom, what?")
            : Send(ChatAudience.Whisper, c.Args[0], c.Rest[c.Rest.IndexOf(' ')..].Trim())),
    ];

    private CommandResult Send(ChatAudience audience, string? to, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return CommandResult.Failed("say what?");
        session.Client.Login.SendChat(new ChatInfo { Audience = audience, To = to, Text = text });
        return CommandResult.Done();
    }
}
