using Ikosa.Client.App.Commands;
using Ikosa.Contracts;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.ClientApp;

/// <summary>What the app says when a call fails: the host's reason, or the connection's state in a player's words.</summary>
public class ErrorDescriptionTests
{
    [Fact]
    public void A_call_on_a_broken_connection_says_the_connection_was_lost_not_the_channel_plumbing()
    {
        var faulted = new CommunicationObjectFaultedException("Cannot call GetCharacters: the channel to net.tcp://h/ikosa/login is faulted. Abort it and open a new channel.");

        Assert.Equal("the connection to the host was lost", CommandExecutor.Describe(faulted));
        Assert.Equal("the connection to the host was lost", CommandExecutor.Describe(new CommunicationObjectAbortedException("aborted")));
    }

    [Fact]
    public void A_refusal_gives_the_hosts_reason_and_an_unreachable_host_its_own_message()
    {
        var refused = new FaultException<InvalidStateFault>(new InvalidStateFault { Reason = "it is not your turn" }, "it is not your turn");

        Assert.Equal("refused: it is not your turn", CommandExecutor.Describe(refused));
        Assert.StartsWith("connection problem: Could not connect", CommandExecutor.Describe(new EndpointNotFoundException("Could not connect to net.tcp://h/: refused.")));
    }
}
