using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ikosa.Tests.Engine;

/// <summary>A logger factory that keeps every entry, for tests of what gets logged (and how often).</summary>
public sealed class RecordingLogger : ILoggerFactory, ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger<T> For<T>() => new Logger<T>(this);

    public ILogger CreateLogger(string categoryName) => new Entry(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IEnumerable<LogEntry> AtLeast(LogLevel level) => Entries.Where(e => e.Level >= level);

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class Entry(RecordingLogger owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}
