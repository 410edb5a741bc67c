namespace Ikosa.ServiceModel;

/// <summary>How many calls may run on one service instance at a time.</summary>
public enum ConcurrencyMode
{
    /// <summary>One call at a time; a two-way callback from inside a call is refused (it would deadlock).</summary>
    Single,

    /// <summary>One call at a time, but the instance is released while it makes a callback.</summary>
    Reentrant,

    /// <summary>Calls run concurrently; the implementation synchronises itself.</summary>
    Multiple,
}
