using Ikosa.Host.Campaigns;
using Ikosa.Tests.Engine;

namespace Ikosa.Tests.Campaigns;

/// <summary>A campaign folder for one test: a manifest (and a bestiary) written from text, checked by the real reader.</summary>
public sealed class CampaignFolder : IDisposable
{
    private readonly TempDirectory _directory = new();

    public CampaignFolder(string manifest, string? bestiary = null)
    {
        File.WriteAllText(Manifest, manifest.ReplaceLineEndings("\n"));
        if (bestiary is not null) File.WriteAllText(System.IO.Path.Combine(Path, CampaignReader.BestiaryName), bestiary.ReplaceLineEndings("\n"));
    }

    public string Path => _directory.Path;

    public string Manifest => System.IO.Path.Combine(Path, CampaignReader.ManifestName);

    /// <summary>The errors as the check prints them, with the folder left out of the file name.</summary>
    public IReadOnlyList<string> Errors() =>
        CampaignReader.Check(Path).Errors.Select(e => e.ToString().Replace(Path + System.IO.Path.DirectorySeparatorChar, "")).ToList();

    public LoadedCampaign Load() => CampaignReader.Load(Path);

    public void Dispose() => _directory.Dispose();
}
