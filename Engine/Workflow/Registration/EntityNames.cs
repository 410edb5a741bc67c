using System.Reflection;
using Ikosa.Engine.Model;

namespace Ikosa.Engine.Workflow.Registration;

/// <summary>Registers every concrete entity type marked with <see cref="EntityNameAttribute"/>.</summary>
public static class EntityNames
{
    /// <summary>Registers the named entity types of the workflow engine and rules, plus those in <paramref name="extra"/>.</summary>
    public static EntityTypeRegistry RegisterAll(EntityTypeRegistry registry, params Assembly[] extra)
    {
        foreach (var assembly in extra.Prepend(typeof(EntityNames).Assembly).Distinct())
        {
            foreach (var type in assembly.GetTypes())
            {
                if (type.IsAbstract || !typeof(Entity).IsAssignableFrom(type)) continue;
                if (type.GetCustomAttribute<EntityNameAttribute>() is { } named)
                    registry.Register(type, named.Name);
            }
        }
        return registry;
    }
}
