using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;

namespace Ikosa.Engine.Workflow.Events;

/// <summary>A process left the stack: completed, or aborted with a reason.</summary>
public sealed record ProcessEnded(EntityId Process, string Name, bool Completed, string? Reason) : Notification;
