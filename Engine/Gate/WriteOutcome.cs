namespace Ikosa.Engine.Gate;

/// <summary>What one write of a group returned, or the exception that rolled it back.</summary>
internal readonly record struct WriteOutcome(object? Result, Exception? Error);
