namespace Ikosa.Bench.ServiceModel;

/// <summary>Issue 3's speed targets, and how a figure is printed against one.</summary>
public static class Targets
{
    public const double RequestReplyToRawPingPong = 0.80;
    public const double EightChannelsToOne = 2.0;
    public const double CallbacksPerSecond = 100_000;
    public const int ConcurrentSessions = 2_000;
    public const double BytesPerSession = 32 * 1024;

    /// <summary>A line saying what was measured, the target, and whether it was reached (higher is better).</summary>
    public static string AtLeast(string what, double value, double target, string format) =>
        $"  {what}: {value.ToString(format)} (target >= {target.ToString(format)}, {value / target:P0} of target): {(value >= target ? "REACHED" : "NOT reached")}";

    /// <summary>The same for a figure where lower is better.</summary>
    public static string AtMost(string what, double value, double target, string format) =>
        $"  {what}: {value.ToString(format)} (target <= {target.ToString(format)}, {value / target:P0} of target): {(value <= target ? "REACHED" : "NOT reached")}";
}
