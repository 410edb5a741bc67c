using Ikosa.Engine.Rules.Creatures;

namespace Ikosa.Host.Campaigns;

/// <summary>A monster's stat block as a bestiary gives it: a creature nowhere yet, whose <see cref="Creature.Kind"/> is its entry's name.</summary>
public sealed record BestiaryEntry(Creature Template, string File);

/// <summary>
/// The stat blocks monsters are placed from: the host's SRD bestiary (<c>Campaigns/srd-bestiary.yaml</c>, shipped with
/// it), then the campaign's own <c>bestiary.yaml</c>, whose entries add to it or replace an SRD entry of the same name.
/// Names are matched exactly; a near miss is answered with a suggestion.
/// </summary>
public sealed class Bestiary
{
    public const string SrdFileName = "srd-bestiary.yaml";

    public static readonly string[] EntryFields = [.. SheetReader.SheetFields, "type", "challenge-rating"];

    private readonly Dictionary<string, BestiaryEntry> _entries = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _entries.Keys;

    public IEnumerable<BestiaryEntry> Entries => _entries.Values;

    /// <summary>Whether <paramref name="entry"/> is the host's SRD stat block (not the campaign's own).</summary>
    public static bool IsSrd(BestiaryEntry entry) => entry.File == SrdFileName;

    public BestiaryEntry? Find(string name) => _entries.GetValueOrDefault(name);

    /// <summary>The shipped SRD bestiary's path: beside the host.</summary>
    public static string SrdPath => Path.Combine(AppContext.BaseDirectory, "Campaigns", SrdFileName);

    /// <summary>The SRD bestiary alone (for export, which compares monsters with it); errors in it are the host's, and go to <paramref name="errors"/>.</summary>
    public static Bestiary Srd(CampaignErrors errors)
    {
        var bestiary = new Bestiary();
        if (!System.IO.File.Exists(SrdPath))
            errors.Add(SrdFileName, 1, 1, $"the host's SRD bestiary is missing at {SrdPath}; reinstall the host");
        else
            bestiary.Add(YamlFile.Load(SrdPath, SrdFileName, errors), replacing: false);
        return bestiary;
    }

    /// <summary>
    /// The SRD bestiary and, when <paramref name="campaignFolder"/> has one, the campaign's own: what a master places monsters
    /// from during play. Errors go to <paramref name="errors"/>; what could be read is kept.
    /// </summary>
    public static Bestiary ForCampaign(string? campaignFolder, CampaignErrors errors)
    {
        var bestiary = Srd(errors);
        var own = campaignFolder is null ? null : Path.Combine(campaignFolder, CampaignReader.BestiaryName);
        if (own is not null && System.IO.File.Exists(own))
            bestiary.Add(YamlFile.Load(own, own, errors), replacing: true);
        return bestiary;
    }

    /// <summary>
    /// The SRD bestiary and a campaign's own, kept in its game as <paramref name="ownText"/> (null: none): what a master
    /// places monsters from during play. Errors go to <paramref name="errors"/>; what could be read is kept.
    /// </summary>
    public static Bestiary WithOwn(string? ownText, CampaignErrors errors)
    {
        var bestiary = Srd(errors);
        if (ownText is not null)
            bestiary.Add(YamlFile.Parse(ownText, $"the campaign's {CampaignReader.BestiaryName} (kept in the game)", errors), replacing: true);
        return bestiary;
    }

    /// <summary>Adds the stat blocks of a bestiary file (a mapping with a list of <c>monsters</c>).</summary>
    public void Add(YamlFile file, bool replacing)
    {
        if (file.Root is null) return;
        var top = Fields.Of(file, file.Root, "a bestiary", "monsters");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in top.List("monsters", required: true)?.Children ?? [])
        {
            var fields = Fields.Of(file, item, "a monster", EntryFields);
            var template = SheetReader.Read(fields, defaultTeam: "monsters");
            fields.Text("type");
            fields.Text("challenge-rating");
            fields.Finish();
            if (!seen.Add(template.Name))
                file.Error(fields.At("name"), $"`{template.Name}` is in this bestiary twice");
            else if (!replacing && _entries.ContainsKey(template.Name))
                file.Error(fields.At("name"), $"`{template.Name}` is already in the bestiary");
            else
                _entries[template.Name] = new BestiaryEntry(template with { Kind = template.Name }, file.Name);
        }
        top.Finish();
    }

    /// <summary>" `orc` is not in the bestiary; did you mean `Orc`?"</summary>
    public string NotFound(string name) => $"`{name}` is not in the bestiary{Suggestions.Hint(name, Names, listWhenNoneClose: false)}";
}
