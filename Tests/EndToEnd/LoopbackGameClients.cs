using Ikosa.Client.Library;
using Ikosa.Contracts;

namespace Ikosa.Tests.EndToEnd;

/// <summary>Clients a fault test controls itself, and the chat lines and system events a client received.</summary>
internal static class LoopbackGameClients
{
    /// <summary>A logged-in client that does not reconnect by itself, so the test decides when it comes back. The caller disposes it.</summary>
    public static async Task<RecordingClient> LoginWithoutReconnectAsync(this LoopbackGame game, string user, params Guid[] characters)
    {
        var client = new IkosaClient(new IkosaClientOptions { BaseAddress = game.BaseAddress, Binding = LoopbackGame.HostLimits(), Reconnect = false });
        var recording = new RecordingClient(client);
        await client.LoginAsync(user, LoopbackGame.PasswordOf(user));
        if (characters.Length > 0)
            await client.Login.SelectCharactersAsync(characters.ToList(), []);
        return recording;
    }

    public static Task SayAsync(this RecordingClient client, string text) =>
        client.Client.Login.SendChatAsync(new ChatInfo { Audience = ChatAudience.Everyone, Text = text });

    /// <summary>The chat lines this client received, in arrival order.</summary>
    public static List<string> ChatLines(this RecordingClient client) =>
        client.Notifications.OfType<ChatMessageInfo>().Select(chat => chat.Text).ToList();

    /// <summary>Completes when this client has received the chat line <paramref name="text"/>.</summary>
    public static Task<BatchInfo> WaitForChatAsync(this RecordingClient client, string text) =>
        client.WaitForAsync(b => b.Items.OfType<ChatMessageInfo>().Any(chat => chat.Text == text));

    /// <summary>Completes when this client holds a system event whose text contains <paramref name="what"/>.</summary>
    public static Task<BatchInfo> WaitForSystemEventAsync(this RecordingClient client, string what) =>
        client.WaitForAsync(b => b.Items.OfType<SystemEventInfo>().Any(n => n.What.Contains(what, StringComparison.Ordinal)));
}
