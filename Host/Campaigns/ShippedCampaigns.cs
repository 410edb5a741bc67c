namespace Ikosa.Host.Campaigns;

/// <summary>The campaign folders shipped beside the host (its <c>Campaigns</c> folder).</summary>
public static class ShippedCampaigns
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Campaigns");

    /// <summary>The sample skirmish a new game starts with by default: four heroes, goblins and orcs in the Sunless Hall.</summary>
    public static string Sample => Path.Combine(Folder, "Sample");

    /// <summary>The small, commented campaign 'new-campaign' copies for a game master to make their own.</summary>
    public static string Starter => Path.Combine(Folder, "Starter");
}
