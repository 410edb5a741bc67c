namespace Ikosa.Tests;

public class SolutionLayoutTests
{
    [Fact]
    public void Engine_does_not_reference_the_wire()
    {
        var referenced = typeof(Ikosa.Engine.EngineAssembly).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("Ikosa.ServiceModel", referenced);
        Assert.DoesNotContain("Ikosa.Contracts", referenced);
    }
}
