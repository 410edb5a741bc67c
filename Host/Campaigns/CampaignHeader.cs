using System.Collections.Immutable;
using Ikosa.Engine.Model;
using Ikosa.Engine.Rules.Map;

namespace Ikosa.Host.Campaigns;

/// <summary>
/// What a game keeps of the campaign folder it was started from, beyond its creatures and scenes: the campaign's name,
/// the key its ids are made from, its rule packages, its scenes in order (the first is where the master's view opens) and
/// the text of its own bestiary, so that the master places the campaign's monsters after a restart too.
/// </summary>
public sealed record CampaignHeader(EntityId Id, string Name, string Key, ImmutableList<string> RulePackages, ImmutableList<EntityId> Scenes) : Entity(Id)
{
    /// <summary>The campaign folder's <c>bestiary.yaml</c> as it was when the game started; null when it had none.</summary>
    public string? OwnBestiary { get; init; }

    public const string TypeName = "host.campaign";

    public static readonly EntityId Singleton = EntityId.Named("host.campaign");

    /// <summary>The scene the master's view shows: the campaign's first, or the default scene of a game without one.</summary>
    public static EntityId OpeningScene(IModelReader reader) =>
        reader.Find<CampaignHeader>(Singleton)?.Scenes.FirstOrDefault() is { } first && first != default ? first : Scene.Default;
}
