using Ikosa.Engine.Model;

namespace Ikosa.Engine.Workflow.Users;

/// <summary>Answers "who controls this creature" and "who should hear about it".</summary>
public static class Control
{
    /// <summary>The user currently playing <paramref name="creature"/>, or null when the master runs it.</summary>
    public static string? ControllerOf(IModelReader reader, EntityId creature) =>
        CreatureControl.Of(reader, creature)?.Controller;

    /// <summary>True if <paramref name="actor"/> may act for <paramref name="creature"/>: a master, or its current controller.</summary>
    public static bool MayAct(IModelReader reader, Actor actor, EntityId creature) =>
        actor.IsMaster ||
        string.Equals(ControllerOf(reader, creature), actor.UserName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The creatures <paramref name="user"/> currently controls.</summary>
    public static IEnumerable<EntityId> CreaturesOf(IModelReader reader, string user) =>
        reader.All<CreatureControl>()
            .Where(c => string.Equals(c.Controller, user, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Creature);

    /// <summary>The users to tell about something that concerns <paramref name="creature"/>: its controller and the masters.</summary>
    public static IReadOnlyCollection<string> RecipientsFor(IModelReader reader, EntityId? creature)
    {
        var recipients = new SortedSet<string>(GameMasters.Of(reader), StringComparer.Ordinal);
        if (creature is { } id && ControllerOf(reader, id) is { } user) recipients.Add(user);
        return recipients;
    }

    /// <summary>The masters plus every user currently controlling a creature: everyone in the game.</summary>
    public static IReadOnlyCollection<string> Everyone(IModelReader reader)
    {
        var recipients = new SortedSet<string>(GameMasters.Of(reader), StringComparer.Ordinal);
        foreach (var control in reader.All<CreatureControl>())
            if (control.Controller is { } user) recipients.Add(user);
        return recipients;
    }
}
