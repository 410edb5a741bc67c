using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ikosa.Tests.Support;

/// <summary>A logger factory that keeps every line logged through it, for tests that assert on what is logged.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Text, Exception? Error)> Lines { get; } = new();

    public ILoggerFactory Factory() => LoggerFactory.Create(builder => builder.AddProvider(this).SetMinimumLevel(LogLevel.Debug));

    public IEnumerable<string> Texts(LogLevel atLeast = LogLevel.Information) =>
        Lines.Where(line => line.Level >= atLeast).Select(line => line.Text);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Lines.Enqueue((logLevel, category, formatter(state, exception), exception));
    }
}
