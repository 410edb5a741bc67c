using Ikosa.Client.App.Session;
using Ikosa.Contracts;

namespace Ikosa.Tests.ClientApp;

public class NotificationTextTests
{
    private static readonly Guid Tordek = Guid.NewGuid();
    private static readonly Guid Goblin = Guid.NewGuid();

    private static NameDirectory Names()
    {
        var names = new NameDirectory();
        names.Learn(Tordek, "Tordek");
        names.Learn(Goblin, "Goblin 1");
        return names;
    }

    [Fact]
    public void Fields_read_back_the_hosts_name_value_text_and_a_chat_text_keeps_its_commas()
    {
        var fields = NotificationText.Fields("Audience: Everyone, Text: hello, Text: world, Foo: bar");
        Assert.Equal("Everyone", fields["Audience"]);
        Assert.Equal("hello, Text: world, Foo: bar", fields["Text"]);
    }

    [Fact]
    public void A_prompt_drops_its_deadline_from_the_text()
    {
        var fields = NotificationText.Fields("Kind: Roll, Text: Tordek: roll initiative, Deadline: 01/01/2030 00:00:00 +00:00");
        Assert.Equal("Tordek: roll initiative", fields["Text"]);
    }

    [Theory]
    [InlineData("DiceRolled", "Purpose: initiative, Expression: 1d20+1, Total: 21, Physical: False", LogKind.Dice, "Tordek, initiative: 1d20+1 = 21")]
    [InlineData("CreatureMoved", "From: (2,2), To: (3,4)", LogKind.Event, "Tordek moved (2,2) -> (3,4)")]
    [InlineData("HitPointsChanged", "HitPoints: 35, Delta: -10, Health: Conscious", LogKind.Event, "Tordek: 35 hp (-10), Conscious")]
    [InlineData("TurnStarted", "Round: 2", LogKind.Event, "round 2: Tordek's turn")]
    public void Known_kinds_become_sentences_with_the_creatures_names(string kind, string text, LogKind logKind, string expected)
    {
        var entities = kind == "DiceRolled" ? new List<Guid> { Guid.NewGuid(), Tordek } : [Tordek];
        var (formattedKind, line) = NotificationText.Format(new NotificationInfo { Kind = kind, Text = text, Entities = entities }, Names());
        Assert.Equal(logKind, formattedKind);
        Assert.Equal(expected, line);
    }

    [Fact]
    public void An_attack_names_attacker_and_target()
    {
        var item = new NotificationInfo { Kind = "AttackResolved", Text = "Hit: True, Critical: False, Damage: 7, Opportunity: False", Entities = [Tordek, Goblin] };
        Assert.Equal("Tordek hits Goblin 1 for 7", NotificationText.Format(item, Names()).Text);
    }

    [Fact]
    public void A_chat_line_shows_who_said_it_to_whom()
    {
        var item = new NotificationInfo { Kind = "ChatMessage", From = "alice", Text = "Audience: Party, Text: careful, a trap" };
        Assert.Equal((LogKind.Chat, "alice (Party): careful, a trap"), NotificationText.Format(item, Names()));
    }

    [Fact]
    public void An_unknown_kind_is_shown_as_it_came_and_unknown_ids_stay_anonymous()
    {
        var item = new NotificationInfo { Kind = "Shoved", Text = "Feet: 5", Entities = [Tordek, Guid.NewGuid()] };
        Assert.Equal("Shoved Tordek: Feet: 5", NotificationText.Format(item, Names()).Text);
    }
}
