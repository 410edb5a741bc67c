using Ikosa.Engine.Notifications;

namespace Ikosa.Host.Sessions;

/// <summary>A chat line; it reaches its audience in the batch of the write that carried it.</summary>
public sealed record ChatMessage(string From, string Audience, string Text) : Notification;

/// <summary>Who is online changed.</summary>
public sealed record PresenceChanged(string User, bool Online) : Notification;

/// <summary>Something a game master should know about: a player joined, left or dropped, a client was cut off.</summary>
public sealed record SystemEvent(string What) : Notification;
