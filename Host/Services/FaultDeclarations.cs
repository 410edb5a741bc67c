using Ikosa.ServiceModel.Dispatcher;

namespace Ikosa.Host.Services;

/// <summary>A behavior that refuses calls with a typed fault needs each operation's contract to declare it.</summary>
internal static class FaultDeclarations
{
    /// <summary>Refuses the host's start when <paramref name="operation"/> does not declare <paramref name="detailType"/>; <paramref name="why"/> says when it is sent.</summary>
    public static void Require(DispatchOperation operation, Type detailType, string why)
    {
        if (operation.Description.FindFault(detailType) is null)
            throw new InvalidOperationException(
                $"{operation.Description.ContractName}.{operation.Name} {why} but declares no [FaultContract(typeof({detailType.Name}))]: " +
                "clients would get its refusals untyped.");
    }
}
