using Ikosa.Engine.Gate;
using Ikosa.Engine.Notifications;
using Ikosa.Engine.Store;

namespace Ikosa.Engine;

public sealed record EngineOptions
{
    /// <summary>The SQLite game file; null keeps the game in memory only.</summary>
    public string? DatabasePath { get; init; }

    public GateOptions Gate { get; init; } = new();

    public NotificationOptions Notifications { get; init; } = new();

    public SqliteStoreOptions Store { get; init; } = new();
}
