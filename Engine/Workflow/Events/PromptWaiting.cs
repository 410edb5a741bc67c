using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Workflow.Prerequisites;

namespace Ikosa.Engine.Workflow.Events;

/// <summary>A prompt is waiting for the recipient (the fulfiller's controller, and the masters): fetch and answer it.</summary>
public sealed record PromptWaiting(EntityId Step, EntityId Prerequisite, EntityId? Fulfiller, PrerequisiteKind Kind, string Text, DateTimeOffset? Deadline) : Notification;
