using System.Reflection;

namespace Ikosa.ServiceModel.Description;

/// <summary>What a method's return type means for an operation: sync or Task-based, and the result type.</summary>
internal static class OperationSignature
{
    public static bool IsTaskBased(MethodInfo method) => IsTaskType(method.ReturnType);

    public static bool IsTaskType(Type type) =>
        type == typeof(Task) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>));

    /// <summary>T for Task&lt;T&gt;, void for Task, else the return type itself.</summary>
    public static Type UnwrapReturnType(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type == typeof(Task))
            return typeof(void);
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) ? type.GetGenericArguments()[0] : type;
    }

    /// <summary>Return types that look asynchronous but that the runtime does not await.</summary>
    public static bool IsUnsupportedAsyncType(Type type) =>
        type == typeof(ValueTask) ||
        (type.IsGenericType && type.GetGenericTypeDefinition() is var definition &&
         (definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>)));
}
