using Ikosa.Contracts;
using Ikosa.Host.Security;
using Ikosa.Host.Services;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Host.Validation;

/// <summary>
/// Refuses an operation's arguments that break its <see cref="ArgumentRules"/>, before the operation runs. It runs inside
/// authorization: a caller who may not make the call at all is denied, not told how to fix it. That holds for a player
/// naming a creature not theirs too, whose control the operation would have checked in its own transaction: since the
/// operation does not run, the check runs in a read of its own (only for a call that is refused anyway).
/// </summary>
internal sealed class ArgumentCheckingInvoker(string operation, ArgumentRules rules, IOperationInvoker inner) : IOperationInvoker
{
    public Task<object?> InvokeAsync(object instance, object?[] inputs) =>
        rules.FirstProblem(inputs) is { } problem ? RefuseAsync(instance, problem) : inner.InvokeAsync(instance, inputs);

    private async Task<object?> RefuseAsync(object service, ArgumentProblem problem)
    {
        if (ControlCheck.Current is { HasRun: false } check)
            await ((BoundService)service).CheckAsync(check).ConfigureAwait(false);
        throw new FaultException<InvalidArgumentFault>(
            new InvalidArgumentFault { Argument = problem.Argument, Reason = problem.Reason }, $"{operation} refused: {problem.Argument}: {problem.Reason}");
    }
}
