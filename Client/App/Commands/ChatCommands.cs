using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Client.App.Commands;

/// <summary>Chat to everyone, the party, the game master, or one user; the lines come back to everyone addressed as batches.</summary>
public sealed class ChatCommands(GameSession session)
{
    public IEnumerable<CommandSpec> Specs() =>
    [
        CommandSpec.Of("say", "say TEXT", "chat to everyone", c => Send(ChatAudience.Everyone, null, c.Rest)),
        CommandSpec.Of("party", "party TEXT", "chat to the party", c => Send(ChatAudience.Party, null, c.Rest)),
        CommandSpec.Of("gm", "gm TEXT", "chat to the game master", c => Send(ChatAudience.GameMaster, null, c.Rest)),
        CommandSpec.Of("whisper", "whisper USER TEXT", "chat to one user", c => c.Args.Count < 2
            ? Task.FromResult(CommandResult.Failed("whisper to whom, what?"))
            : Send(ChatAudience.Whisper, c.Args[0], c.Rest[c.Rest.IndexOf(' ')..].Trim())),
    ];

    private async Task<CommandResult> Send(ChatAudience audience, string? to, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return CommandResult.Failed("say what?");
        await session.Client.Login.SendChatAsync(new ChatInfo { Audience = audience, To = to, Text = text }).ConfigureAwait(false);
        return CommandResult.Done();
    }
}
