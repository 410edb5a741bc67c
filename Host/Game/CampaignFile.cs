using System.Text.Json;
using Ikosa.Engine.Model;

namespace Ikosa.Host.Game;

/// <summary>
/// A campaign to start a new game from: a named snapshot the game master saved (<c>snapshots/NAME.json</c>), i.e. the
/// committed entities of a game as the store writes them. Read whole before anything is put into the new game.
/// </summary>
public static class CampaignFile
{
    public static IReadOnlyList<Entity> Load(string path, EntityTypeRegistry types)
    {
        if (!File.Exists(path))
            throw new CampaignFileException($"The campaign file {path} does not exist; give a snapshot saved by the game master (snapshots/NAME.json).");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var entities = new List<Entity>();
            foreach (var item in document.RootElement.GetProperty("entities").EnumerateArray())
                entities.Add(types.Deserialize(item.GetProperty("type").GetString()!, item.GetProperty("entity").GetString()!));
            return entities;
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new CampaignFileException($"The campaign file {path} is not a snapshot this host can read: {error.Message}", error);
        }
    }
}

public sealed class CampaignFileException(string message, Exception? inner = null) : Exception(message, inner);
