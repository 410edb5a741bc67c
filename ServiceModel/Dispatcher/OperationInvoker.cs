using System.Collections.Concurrent;
using System.Reflection;
using Ikosa.ServiceModel.Description;

namespace Ikosa.ServiceModel.Dispatcher;

/// <summary>Calls an implementation's method for an operation (a service's on the server, a callback's on the client), whether it is sync or Task-based.</summary>
public static class OperationInvoker
{
    private static readonly ConcurrentDictionary<Type, Func<Task, object?>> TaskResultReaders = new();
    private static readonly MethodInfo ResultOfMethod = typeof(OperationInvoker).GetMethod(nameof(ResultOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Invokes <paramref name="operation"/> on <paramref name="instance"/>. Out/ref values are stored back into
    /// <paramref name="arguments"/>. The exception the implementation throws (synchronously or from its Task) comes out
    /// as it is, never wrapped in a TargetInvocationException. Wrong arguments give an <see cref="ArgumentException"/>
    /// before the implementation runs.
    /// </summary>
    public static async Task<object?> InvokeAsync(object instance, OperationDescription operation, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(arguments);
        var method = operation.Method;
        if (!method.DeclaringType!.IsInstanceOfType(instance))
            throw new ArgumentException(
                $"Cannot invoke operation '{operation.Name}': {instance.GetType().Name} does not implement {method.DeclaringType.Name}.",
                nameof(instance));
        CheckArguments(operation, arguments);

        var returned = method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        if (!operation.IsTaskBased)
            return returned;
        var task = returned as Task
            ?? throw new InvalidOperationException($"Operation '{operation.Name}' of {instance.GetType().Name} returned a null Task.");
        await task.ConfigureAwait(false);
        return operation.ReturnType == typeof(void) ? null : TaskResult(method.ReturnType, task);
    }

    private static void CheckArguments(OperationDescription operation, object?[] arguments)
    {
        if (arguments.Length != operation.Parameters.Count)
            throw new ArgumentException(
                $"Operation '{operation.Name}' takes {operation.Parameters.Count} arguments; {arguments.Length} were given.",
                nameof(arguments));
        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            var parameter = operation.Parameters[i];
            var value = arguments[parameter.Position];
            var fits = value is null
                ? !parameter.Type.IsValueType || Nullable.GetUnderlyingType(parameter.Type) is not null || parameter.Direction == ParameterDirection.Out
                : parameter.Type.IsInstanceOfType(value);
            if (!fits)
                throw new ArgumentException(
                    $"Operation '{operation.Name}': argument '{parameter.Name}' must be a {parameter.Type.Name}, not {(value is null ? "null" : "a " + value.GetType().Name)}.",
                    nameof(arguments));
        }
    }

    /// <summary>The result of a completed Task&lt;T&gt; declared as <paramref name="declaredTaskType"/>, read without reflection after the first call.</summary>
    private static object? TaskResult(Type declaredTaskType, Task task) =>
        TaskResultReaders.GetOrAdd(declaredTaskType, type => ResultOfMethod.MakeGenericMethod(type.GetGenericArguments()[0]).CreateDelegate<Func<Task, object?>>())(task);

    private static object? ResultOf<T>(Task task) => ((Task<T>)task).Result;
}
