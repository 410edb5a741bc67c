using Ikosa.Engine.Model;
using Ikosa.Engine.Workflow.Registration;

namespace Ikosa.Engine.Rules.Map;

/// <summary>
/// A place the game happens in: a named map of <see cref="Width"/> by <see cref="Height"/> squares. Its terrain is kept
/// in <see cref="MapChunk"/>s and the creatures in it are indexed by <see cref="ChunkOccupants"/>, so that a door opened
/// or a creature moved rewrites a small entity, never the whole map. Every creature is in exactly one scene
/// (<see cref="Creatures.Creature.Scene"/>); sight, movement and areas never cross from one scene to another.
/// </summary>
[EntityName("rules.scene")]
public sealed record Scene(EntityId Id, string Name, int Width, int Height) : Entity(Id)
{
    /// <summary>The scene of a creature that was never put anywhere else (and of games made before scenes existed).</summary>
    public static readonly EntityId Default = EntityId.Named("rules.scene");

    /// <summary>A game without any scene plays on an open field this size.</summary>
    public const int OpenFieldSize = 64;

    public bool Contains(Cell cell) => cell.X >= 0 && cell.Y >= 0 && cell.X < Width && cell.Y < Height;

    public static Scene OpenField(EntityId id) => new(id, "open field", OpenFieldSize, OpenFieldSize);
}
