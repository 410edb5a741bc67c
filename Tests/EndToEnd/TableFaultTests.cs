using Ikosa.Contracts;
using Ikosa.ServiceModel;

namespace Ikosa.Tests.EndToEnd;

/// <summary>Faults a real table hit (issue 13 §3), each refused over the wire with a clear typed fault and no change.</summary>
public class TableFaultTests
{
    private static readonly Guid Tordek = Sample.Tordek.Value;
    private static readonly Guid Goblin1 = Sample.Goblins[0].Value;

    [Fact]
    public async Task Fault_13_3_3_a_creature_cannot_be_renamed_to_a_name_another_creature_has()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var goblin = await gm.Client.Game.GetCreatureAsync(Goblin1);

        var refused = await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() =>
            gm.Client.Master!.EditCreatureAsync(new CreatureEditInfo { Id = Goblin1, ExpectedVersion = goblin.Version, Name = "  goblin 2 " }));

        Assert.Equal("edit.Name", refused.Detail.Argument);
        Assert.Contains("already called Goblin 2", refused.Detail.Reason);
        Assert.Equal(goblin.Version, (await gm.Client.Game.GetCreatureAsync(Goblin1)).Version);
        var renamed = await gm.Client.Master!.EditCreatureAsync(new CreatureEditInfo { Id = Goblin1, ExpectedVersion = goblin.Version, Name = "Snik" });
        Assert.Equal("Snik", renamed.Name);
    }

    [Theory]
    [InlineData("red \u001b[31malert")]
    [InlineData("right-to-left \u202Eevil")]
    [InlineData("bell\u0007")]
    public async Task Fault_13_3_4_chat_and_names_holding_control_or_bidi_characters_are_refused(string hostile)
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");
        var alice = await game.LoginAsync("alice", Tordek);
        var serial = game.Game.Serial;
        var tordek = await gm.Client.Game.GetCreatureAsync(Tordek);

        var chat = await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() =>
            alice.Client.Login.SendChatAsync(new ChatInfo { Audience = ChatAudience.Everyone, Text = hostile }));
        var name = await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() =>
            gm.Client.Master!.EditCreatureAsync(new CreatureEditInfo { Id = Tordek, ExpectedVersion = tordek.Version, Name = hostile }));
        var snapshot = await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => gm.Client.Master!.SaveSnapshotAsync(hostile));

        Assert.Equal(("chat.Text", "edit.Name", "name"), (chat.Detail.Argument, name.Detail.Argument, snapshot.Detail.Argument));
        Assert.Contains("control character", chat.Detail.Reason);
        Assert.Equal(serial, game.Game.Serial);
        Assert.Equal(tordek.Version, (await gm.Client.Game.GetCreatureAsync(Tordek)).Version);
    }

    [Fact]
    public async Task Fault_13_3_10_the_master_cannot_kick_himself()
    {
        await using var game = await LoopbackGame.StartAsync();
        var gm = await game.LoginAsync("gm");

        var refused = await Assert.ThrowsAsync<FaultException<InvalidArgumentFault>>(() => gm.Client.Master!.KickUserAsync("GM"));

        Assert.Contains("cannot kick yourself", refused.Detail.Reason);
        Assert.Contains(await gm.Client.Login.GetUsersAsync(), u => u.Name == "gm" && u.IsOnline);
    }
}
