namespace Ikosa.Engine.Notifications;

/// <summary>
/// Something a client should hear about, emitted by a transaction with <c>tx.Notify</c> and delivered
/// after commit in a batch. Derive a record per kind; records compare by value, which lets a slow
/// recipient's pending batches drop exact repeats when they are coalesced.
/// </summary>
public abstract record Notification;
