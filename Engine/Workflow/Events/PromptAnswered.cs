using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;

namespace Ikosa.Engine.Workflow.Events;

/// <summary>A prompt was answered (by a user, a master, a timeout or the host): close it.</summary>
public sealed record PromptAnswered(EntityId Step, EntityId Prerequisite, string AnsweredBy) : Notification;
