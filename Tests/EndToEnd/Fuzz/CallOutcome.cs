using System.Reflection;
using Ikosa.Contracts;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Description;

namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>How one call ended: an answer, a fault typed with one of the contracts' details, or something that must not happen.</summary>
public sealed record CallOutcome(string Summary, object? Result = null, Exception? Error = null)
{
    /// <summary>The fault details a refusal may carry.</summary>
    public static readonly Type[] RefusalDetails = [typeof(AccessDeniedFault), typeof(InvalidArgumentFault), typeof(InvalidStateFault), typeof(HostCannotSaveFault)];

    private const string Answered = "answered";

    /// <summary>The client's serializer refused the arguments before anything was sent (an undefined enum value).</summary>
    public const string Unsendable = "not sendable";

    public bool Accepted => Summary == Answered;

    /// <summary>The detail of a typed fault, or null.</summary>
    public object? Detail => Error is FaultException fault && fault.GetType().IsGenericType
        ? fault.GetType().GetProperty(nameof(FaultException<object>.Detail))!.GetValue(fault)
        : null;

    public bool Refused => Detail is not null && RefusalDetails.Contains(Detail.GetType());

    public bool IsDenied => Detail is AccessDeniedFault;

    /// <summary>An answer in which the rules said no: a result not accepted, or answers to prompts all refused. Like a fault, it changed nothing.</summary>
    public bool RefusedByRules => Result switch
    {
        ResultInfo result => !result.Accepted,
        List<AnswerResultInfo> answers => answers.Count > 0 && answers.All(a => !a.Accepted),
        _ => false,
    };

    /// <summary>Calls <paramref name="method"/> on <paramref name="channel"/>; an answer later than <paramref name="timeout"/> counts as a hang.</summary>
    public static async Task<CallOutcome> OfCallAsync(object channel, MethodInfo method, object?[] arguments, TimeSpan timeout)
    {
        Task call;
        try
        {
            call = (Task)method.Invoke(channel, arguments)!;
        }
        catch (TargetInvocationException error) when (error.InnerException is { } thrown)
        {
            return new CallOutcome("not sent: " + thrown.GetType().Name, Error: thrown);
        }
        try
        {
            await call.WaitAsync(timeout);
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            return new CallOutcome($"no answer within {timeout.TotalSeconds:0} s");
        }
        catch (Exception error)
        {
            return new CallOutcome(error is FaultException fault && fault.GetType().IsGenericType
                ? fault.GetType().GetGenericArguments()[0].Name
                : $"{error.GetType().Name}: {error.Message}", Error: error);
        }
        var result = call.GetType().IsGenericType ? call.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(call) : null;
        return new CallOutcome(Answered, result);
    }

    /// <summary>What is wrong with this outcome of <paramref name="operation"/>, or null: only an answer or a declared typed refusal will do.</summary>
    public string? Problem(OperationDescription operation)
    {
        if (Accepted || Summary == Unsendable)
            return null;
        if (!Refused)
            return $"neither an answer nor a typed refusal: {Summary}";
        if (operation.FindFault(Detail!.GetType()) is null)
            return $"a {Detail.GetType().Name} that {operation.Name} does not declare";
        return Detail switch
        {
            AccessDeniedFault denied when denied.Operation != operation.Name => $"an AccessDeniedFault naming '{denied.Operation}', not {operation.Name}",
            InvalidArgumentFault invalid when string.IsNullOrEmpty(invalid.Argument) || string.IsNullOrEmpty(invalid.Reason) => "an InvalidArgumentFault naming no argument or reason",
            _ => null,
        };
    }

    public override string ToString() => Detail switch
    {
        AccessDeniedFault denied => $"AccessDenied ({denied.Reason})",
        InvalidArgumentFault invalid => $"InvalidArgument ({invalid.Argument}: {invalid.Reason})",
        InvalidStateFault state => $"InvalidState ({state.Reason})",
        HostCannotSaveFault cannot => $"HostCannotSave ({cannot.Reason})",
        _ when RefusedByRules => $"{Summary}, refused by the rules",
        _ => Summary,
    };
}
