using Ikosa.Engine.Model;
using Ikosa.Engine.Notifications;

namespace Ikosa.Engine.Workflow.Events;

/// <summary>For the masters: a rule step threw; everything it did was undone and its process aborted.</summary>
public sealed record StepFailed(EntityId Step, string StepName, EntityId Process, string Error) : Notification;
