using System.Reflection;
using Ikosa.Contracts;

namespace Ikosa.Tests.Interop;

/// <summary>The contracts under test are Contracts/'s own files compiled against Microsoft's attributes, with no Ikosa runtime beside them.</summary>
public class IsolationTests
{
    [Fact]
    public void The_contracts_are_compiled_here_against_System_ServiceModel_and_no_Ikosa_assembly_is_referenced()
    {
        var here = typeof(IsolationTests).Assembly;
        Assert.Same(here, typeof(ILoginService).Assembly);
        var contract = typeof(IMasterService).GetCustomAttribute<ServiceContractAttribute>();
        Assert.Equal((IkosaNamespaces.Services, typeof(IMasterCallback)), (contract?.Namespace, contract?.CallbackContract));
        Assert.NotNull(typeof(IGameService).GetMethod(nameof(IGameService.DoActionAsync))!.GetCustomAttribute<OperationContractAttribute>());

        Assert.DoesNotContain(here.GetReferencedAssemblies(), a => a.Name!.StartsWith("Ikosa.", StringComparison.Ordinal));
        Assert.DoesNotContain(Directory.GetFiles(AppContext.BaseDirectory, "Ikosa.*.dll"), f => Path.GetFileName(f) != "Ikosa.Tests.Interop.dll");
    }
}
