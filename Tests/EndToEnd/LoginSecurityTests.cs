using Ikosa.Client.Library;
using Ikosa.Contracts;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.EndToEnd;

/// <summary>Passwords over the wire: wrong ones are refused alike for known and unknown users, and guessing is throttled per user.</summary>
public class LoginSecurityTests
{
    [Fact]
    public async Task A_wrong_password_or_unknown_user_is_refused_with_the_same_fault()
    {
        await using var game = await LoopbackGame.StartAsync();
        await using var client = new IkosaClient(new IkosaClientOptions { BaseAddress = game.BaseAddress, Reconnect = false });

        var wrong = await Assert.ThrowsAsync<FaultException<AccessDeniedFault>>(() => client.LoginAsync("alice", "not-her-password"));
        var unknown = await Assert.ThrowsAsync<FaultException<AccessDeniedFault>>(() => client.LoginAsync("mallory", "anything"));

        Assert.Equal(("Login", "wrong user name or password"), (wrong.Detail.Operation, wrong.Detail.Reason));
        Assert.Equal(wrong.Detail.Reason, unknown.Detail.Reason); // nothing tells which user names exist
        Assert.Null(client.Ticket);
        Assert.False(game.Game.Sessions.IsOnline("alice"));
    }

    [Fact]
    public async Task Repeated_failures_lock_that_user_name_out_even_for_the_right_password_while_others_log_in()
    {
        await using var game = await LoopbackGame.StartAsync(); // the throttle's first delay is 10 minutes here
        await using var client = new IkosaClient(new IkosaClientOptions { BaseAddress = game.BaseAddress, Reconnect = false });

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var refused = await Assert.ThrowsAsync<FaultException<AccessDeniedFault>>(() => client.LoginAsync("alice", $"guess-{attempt}"));
            Assert.Equal("wrong user name or password", refused.Detail.Reason);
        }
        var throttled = await Assert.ThrowsAsync<FaultException<AccessDeniedFault>>(() => client.LoginAsync("alice", LoopbackGame.PasswordOf("alice")));
        Assert.StartsWith("too many failed attempts; try again in", throttled.Detail.Reason, StringComparison.Ordinal);
        Assert.Null(client.Ticket);

        var bob = await game.LoginAsync("bob");
        Assert.Equal("bob", bob.Client.Ticket!.UserName);
    }
}
