using Ikosa.Engine.Model;
using Ikosa.Engine.Packages;
using Ikosa.Engine.Transactions;
using Ikosa.Host.Game;

namespace Ikosa.Host.Campaigns;

/// <summary>
/// What a new game starts from: a campaign folder (read and checked whole, so that a campaign with an error starts
/// nothing), or a snapshot the master saved, which brings its own users and passwords.
/// </summary>
public sealed class NewGame
{
    private readonly LoadedCampaign? _campaign;
    private readonly IReadOnlyList<Entity> _snapshot;

    private NewGame(LoadedCampaign? campaign, IReadOnlyList<Entity> snapshot)
    {
        _campaign = campaign;
        _snapshot = snapshot;
    }

    /// <summary>The users to make accounts for; empty for a snapshot, which holds its accounts.</summary>
    public IReadOnlyList<CampaignUser> Users => _campaign?.Users ?? [];

    /// <summary>Reads <paramref name="source"/> (a folder or a snapshot file), or the shipped sample when null.</summary>
    /// <exception cref="CampaignCheckException">the folder has errors</exception>
    /// <exception cref="CampaignFileException">the file is not a snapshot</exception>
    public static NewGame Read(string? source, RuleSet rules)
    {
        source ??= ShippedCampaigns.Sample;
        return Directory.Exists(source)
            ? new NewGame(CampaignReader.Load(source, rules.Names), [])
            : new NewGame(null, CampaignFile.Load(source, rules.Types));
    }

    public void PutInto(Transaction tx)
    {
        _campaign?.PutInto(tx);
        foreach (var entity in _snapshot)
            tx.Put(entity);
    }
}
