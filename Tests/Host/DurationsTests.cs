using Ikosa.Host.Game;

namespace Ikosa.Tests.Host;

/// <summary>Time spans in the host's messages read as words ("their seat is kept for 2 minutes").</summary>
public class DurationsTests
{
    [Theory]
    [InlineData(120, "2 minutes")]
    [InlineData(60, "1 minute")]
    [InlineData(90, "1 minute 30 seconds")]
    [InlineData(5400, "1 hour 30 minutes")]
    [InlineData(90000, "25 hours")]
    [InlineData(0, "no time")]
    public void A_span_reads_as_words(int seconds, string expected) =>
        Assert.Equal(expected, Durations.InWords(TimeSpan.FromSeconds(seconds)));
}
