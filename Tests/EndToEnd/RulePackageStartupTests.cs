using Ikosa.Tests.Engine;
using Ikosa.Tests.Host;

namespace Ikosa.Tests.EndToEnd;

/// <summary>The host executable with rule packages: --rules and the config's &lt;ikosa&gt;&lt;rules&gt;, what it lists at start, and its refusals.</summary>
public class RulePackageStartupTests
{
    [Fact]
    public async Task The_host_loads_a_package_folder_given_with_rules_and_lists_what_it_loaded()
    {
        using var folder = new TempDirectory();
        var rules = Directory.CreateDirectory(folder.File("rules")).FullName;
        File.Copy(RulePackageTests.ShoveDll, Path.Combine(rules, "Ikosa.Rules.Shove.dll"));

        var (exitCode, output, error) = await HostProcess.RunToExitAsync(["--data", folder.File("game.ikosa"), "--rules", rules, "--no-serve"]);

        Assert.True(exitCode == 0, error);
        Assert.Contains($"Rule package shove — push an adjacent creature a square away with an opposed Strength check ({Path.Combine(rules, "Ikosa.Rules.Shove.dll")}): " +
                        "actions shove; entities shove.step; notifications Shoved (ShovedInfo)", output);
    }

    [Fact]
    public async Task The_config_names_packages_too_and_a_clash_stops_the_host_before_any_game_is_made()
    {
        using var folder = new TempDirectory();
        var config = folder.File("ikosa.config");
        var hostConfig = File.ReadAllText(Path.Combine(Path.GetDirectoryName(HostProcess.HostDll())!, "ikosa.config"));
        File.WriteAllText(config, hostConfig.Replace("</configuration>", $"""<ikosa><rules><package path="{RulePackageTests.ShoveDll}" /></rules></ikosa></configuration>"""));

        var (exitCode, output, error) = await HostProcess.RunToExitAsync(["--config", config, "--data", folder.File("game.ikosa"), "--rules", RulePackageTests.ShoveDll, "--no-serve"]);

        Assert.Equal(3, exitCode);
        Assert.Equal("Cannot start: rule package 'shove' is loaded twice (Ikosa.Rules.Shove.ShovePackage, and Ikosa.Rules.Shove.ShovePackage before it): give each package once.", error.Trim());
        Assert.False(File.Exists(folder.File("game.ikosa")));
        Assert.DoesNotContain("Game file", output);
    }

    [Fact]
    public async Task A_package_that_is_not_there_is_one_clear_line()
    {
        using var folder = new TempDirectory();
        var (exitCode, _, error) = await HostProcess.RunToExitAsync(["--data", folder.File("game.ikosa"), "--rules", folder.File("Missing.dll"), "--no-serve"]);

        Assert.Equal(3, exitCode);
        Assert.Equal($"Cannot start: --rules {folder.File("Missing.dll")}: there is no such file or folder; give a rule package's DLL or its folder.", error.Trim());
    }
}
