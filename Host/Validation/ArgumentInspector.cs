using Ikosa.Contracts;
using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Host.Validation;

/// <summary>Refuses an operation's arguments that break its <see cref="ArgumentRules"/>, before the operation runs.</summary>
internal sealed class ArgumentInspector(ArgumentRules rules) : IParameterInspector
{
    public object? BeforeCall(string operationName, object?[] inputs)
    {
        if (rules.FirstProblem(inputs) is { } problem)
            throw new FaultException<InvalidArgumentFault>(
                new InvalidArgumentFault { Argument = problem.Argument, Reason = problem.Reason }, $"{operationName} refused: {problem.Argument}: {problem.Reason}");
        return null;
    }

    public void AfterCall(string operationName, object?[] outputs, object? returnValue, object? correlationState)
    {
    }
}
