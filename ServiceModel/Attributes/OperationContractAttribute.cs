namespace Ikosa.ServiceModel;

/// <summary>Marks a contract method as an operation.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class OperationContractAttribute : Attribute
{
    /// <summary>The operation name; the method name (without a trailing <c>Async</c> on Task methods) when null.</summary>
    public string? Name { get; set; }

    /// <summary>The request Action; <c>ns/Contract/Operation</c> when null.</summary>
    public string? Action { get; set; }

    /// <summary>The reply Action; the Action plus <c>Response</c> when null.</summary>
    public string? ReplyAction { get; set; }

    /// <summary>No reply and no fault ever comes back; the method must return void or Task.</summary>
    public bool IsOneWay { get; set; }

    /// <summary>False: the operation may not be the first one of a session (needs SessionMode.Required).</summary>
    public bool IsInitiating { get; set; } = true;

    /// <summary>True: the session ends after the operation (needs SessionMode.Required).</summary>
    public bool IsTerminating { get; set; }
}
