using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Rules.Map;
using Ikosa.Engine.Transactions;
using Ikosa.Engine.Workflow.Users;

namespace Ikosa.Host.Campaigns;

/// <summary>A user a campaign names, and whether they are a game master.</summary>
public sealed record CampaignUser(string Name, bool IsMaster);

/// <summary>A campaign folder read and checked without error: what a new game starts with.</summary>
public sealed record LoadedCampaign(
    CampaignHeader Header,
    IReadOnlyList<CampaignUser> Users,
    IReadOnlyList<SceneMap> Maps,
    IReadOnlyList<Creature> Creatures,
    IReadOnlyList<CreatureControl> Controls)
{
    /// <summary>Puts the campaign into a new game (the users' accounts are the host's to make).</summary>
    public void PutInto(Transaction tx)
    {
        tx.Put(Header);
        foreach (var map in Maps)
        foreach (var entity in map.Entities())
            tx.Put(entity);
        foreach (var creature in Creatures)
            Placement.Put(tx, tx.Put, creature);
        foreach (var control in Controls)
            tx.Put(control);
    }
}
