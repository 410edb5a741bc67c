using System.Reflection;
using System.Text.Json;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.ServiceModel;

/// <summary>
/// A program that only talks to a host carries no server: the runtime's client half, the contracts and the client library
/// reference neither ASP.NET Core nor the runtime's server assembly, and the client app runs on the base .NET runtime.
/// </summary>
public class ClientWithoutServerTests
{
    [Theory]
    [InlineData("Ikosa.ServiceModel")]
    [InlineData("Ikosa.Contracts")]
    [InlineData("Ikosa.Client")]
    public void A_client_assembly_references_no_server(string name)
    {
        var references = Assembly.Load(name).GetReferencedAssemblies().Select(r => r.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain("Ikosa.ServiceModel.Server", references);
        Assert.DoesNotContain("Ikosa.Engine", references);
        Assert.All(references.Where(r => r.StartsWith("Microsoft.Extensions", StringComparison.Ordinal)),
            r => Assert.Equal("Microsoft.Extensions.Logging.Abstractions", r));
    }

    [Fact]
    public void The_client_app_runs_on_the_base_runtime_alone_with_its_own_dependencies()
    {
        var client = BuildOutputs.ClientDll; // which the tmux test runs, as a player would
        using var config = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(client, ".runtimeconfig.json")));
        var options = config.RootElement.GetProperty("runtimeOptions");
        var frameworks = options.TryGetProperty("frameworks", out var several)
            ? several.EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList()
            : [options.GetProperty("framework").GetProperty("name").GetString()];

        Assert.Equal(["Microsoft.NETCore.App"], frameworks);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(client)!, "Microsoft.Extensions.Logging.Abstractions.dll")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(client)!, "Ikosa.ServiceModel.Server.dll")));
    }
}
