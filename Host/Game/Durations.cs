namespace Ikosa.Host.Game;

/// <summary>A time span as people say it in a message ("2 minutes", "1 hour 30 minutes"), not as "00:02:00".</summary>
public static class Durations
{
    public static string InWords(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
            return "no time";
        var parts = new List<string>();
        Add(parts, (int)span.TotalHours, "hour");
        Add(parts, span.Minutes, "minute");
        Add(parts, span.Seconds, "second");
        return string.Join(" ", parts);
    }

    private static void Add(List<string> parts, int count, string unit)
    {
        if (count > 0)
            parts.Add($"{count} {unit}{(count == 1 ? "" : "s")}");
    }
}
