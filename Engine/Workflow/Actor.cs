namespace Ikosa.Engine.Workflow;

/// <summary>
/// Who is calling: a user name (as the host authenticated it) and whether that user is a game master.
/// Every operation of the rules façade takes one, because what a user may see and do depends on it.
/// </summary>
public sealed record Actor(string UserName, bool IsMaster)
{
    /// <summary>The engine itself, e.g. a timeout applying a default answer; it may answer anything.</summary>
    public static readonly Actor System = new("(host)", IsMaster: true);

    public static Actor Player(string userName) => new(userName, IsMaster: false);

    public static Actor Master(string userName) => new(userName, IsMaster: true);
}
