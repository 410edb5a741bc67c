using Ikosa.Engine.Model;
using Ikosa.Engine.Store;
using Ikosa.Host.Game;

namespace Ikosa.Host.Campaigns;

/// <summary>The game master's campaign commands: <c>check</c>, <c>new-campaign</c> and <c>export</c>. Each returns the exit code.</summary>
public static class CampaignCommands
{
    /// <summary>Checks a campaign folder: every error as <c>file:line:column: message</c>, one per line; 0 when there is none.</summary>
    public static int Check(string folder, TextWriter output, IReadOnlyCollection<string>? rules = null)
    {
        var (campaign, errors) = CampaignReader.Check(folder, rules);
        foreach (var error in errors)
            output.WriteLine(error);
        if (campaign is null)
        {
            output.WriteLine($"{errors.Count} error(s) in {folder}: it would not start.");
            return 1;
        }
        output.WriteLine($"{folder}: '{campaign.Header.Name}' is ready: {campaign.Maps.Count} scene(s), {campaign.Creatures.Count} creature(s), " +
                         $"{campaign.Users.Count} user(s). Start it with: ikosa-host --campaign {folder} --data NEW-GAME-FILE");
        return 0;
    }

    /// <summary>Writes the small, commented starter campaign into a new (or empty) folder.</summary>
    public static int NewCampaign(string folder, TextWriter output, TextWriter error)
    {
        if (RefuseNonEmpty(folder, error)) return 2;
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(ShippedCampaigns.Starter))
        {
            var target = Path.Combine(folder, Path.GetFileName(file));
            File.Copy(file, target);
            output.WriteLine($"Wrote {target}");
        }
        output.WriteLine($"Edit {Path.Combine(folder, CampaignReader.ManifestName)}, check it with 'ikosa-host check {folder}', " +
                         $"and start it with 'ikosa-host --campaign {folder} --data NEW-GAME-FILE'.");
        return 0;
    }

    /// <summary>
    /// Writes a game's committed state as a campaign folder: from a saved snapshot when one is given, else from the game
    /// file (which a running host holds: export a snapshot of a running game instead).
    /// </summary>
    public static int Export(string folder, string gameFile, string? snapshot, TextWriter output, TextWriter error)
    {
        if (RefuseNonEmpty(folder, error)) return 2;
        var types = GameHost.Types();
        IReadOnlyList<Entity> entities;
        try
        {
            entities = snapshot is not null ? CampaignFile.Load(snapshot, types) : LoadGameFile(gameFile, types);
        }
        catch (Exception failure) when (failure is CampaignFileException or StoreRefusedException or FileNotFoundException)
        {
            error.WriteLine(failure is StoreRefusedException
                ? $"Cannot read the game file {gameFile}: {failure.Message} If the host is running it, save a snapshot in the app ('snapshot NAME') and export that with --snapshot NAME."
                : failure.Message);
            return 3;
        }
        using var gate = new Engine.Gate.ModelGate(types, new InMemoryStore());
        gate.Write(tx =>
        {
            foreach (var entity in entities) tx.Put(entity);
        });
        Directory.CreateDirectory(folder);
        var written = gate.Read(tx => CampaignWriter.Write(tx, folder, snapshot ?? gameFile));
        output.WriteLine($"Wrote {written}");
        output.WriteLine($"Check it with 'ikosa-host check {folder}' and start a new game from it with 'ikosa-host --campaign {folder} --data NEW-GAME-FILE'.");
        return 0;
    }

    private static IReadOnlyList<Entity> LoadGameFile(string path, EntityTypeRegistry types)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"There is no game file at {path}; give it with --data FILE, or a snapshot with --snapshot NAME.");
        using var store = new SqliteStore(path, types);
        return store.Load().Entities;
    }

    private static bool RefuseNonEmpty(string folder, TextWriter error)
    {
        if (File.Exists(folder) || (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()))
        {
            error.WriteLine($"{folder} already exists and is not an empty folder: give a new folder, nothing was written.");
            return true;
        }
        return false;
    }
}
