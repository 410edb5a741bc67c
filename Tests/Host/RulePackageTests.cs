using System.Reflection;
using System.Reflection.Emit;
using Ikosa.Contracts;
using Ikosa.Engine.Packages;
using Ikosa.Host.Packages;
using Ikosa.Rules.Shove;
using Ikosa.Tests.Engine;
using Ikosa.Tests.Support;

namespace Ikosa.Tests.Host;

/// <summary>Rule packages as the host loads them: from a DLL or a folder, registered whole, or refused naming the package and the clash.</summary>
public class RulePackageTests
{
    public static readonly string ShoveDll = BuildOutputs.ShovePackageDll;

    [Fact]
    public void The_sample_package_loads_from_its_dll_and_registers_its_step_action_and_notification()
    {
        var loaded = Assert.Single(RulePackageLoader.Load([ShoveDll]));
        var rules = HostRules.Create([loaded.Package]);

        Assert.Equal(("shove", ShoveDll), (loaded.Package.Name, loaded.Path));
        Assert.NotSame(typeof(ShovePackage), loaded.Package.GetType()); // its own load context, not the tests' copy
        Assert.Equal(["d20-srd", "shove"], rules.Names);
        Assert.Equal("ShoveStep", rules.Types.TypeOf("shove.step").Name);
        Assert.NotNull(rules.Book.Find("shove"));
        var contract = Assert.Single(HostRules.NotificationContractTypes(rules));
        Assert.Equal("Ikosa.Rules.Shove.ShovedInfo", contract.FullName);
        Assert.True(typeof(NotificationInfo).IsAssignableFrom(contract)); // the host's NotificationInfo: shared, not the package's copy
        Assert.Equal(
            $"Rule package shove — push an adjacent creature a square away with an opposed Strength check ({ShoveDll}): actions shove; entities shove.step; notifications Shoved (ShovedInfo)",
            Assert.Single(HostRules.Describe(rules, [loaded])));
    }

    [Fact]
    public void A_folder_is_searched_for_packages_and_a_folder_without_one_is_refused()
    {
        using var folder = new TempDirectory();
        File.Copy(ShoveDll, Path.Combine(folder.Path, "Ikosa.Rules.Shove.dll"));
        File.WriteAllText(Path.Combine(folder.Path, "notes.txt"), "not a package");
        Assert.Equal("shove", Assert.Single(RulePackageLoader.Load([folder.Path])).Package.Name);

        using var empty = new TempDirectory();
        Assert.Contains("the folder holds no rule package", Refused(() => RulePackageLoader.Load([empty.Path])));
        Assert.Contains("there is no such file or folder", Refused(() => RulePackageLoader.Load([Path.Combine(empty.Path, "missing.dll")])));
    }

    [Fact]
    public void Two_actions_with_one_key_are_refused_naming_the_package_and_who_has_the_key()
    {
        Assert.Equal("rule package 'walker': action key 'move' of NamedAction is already taken by the standard rules.",
            Refused(() => HostRules.Create([new KeyPackage("walker", "move")])));
        Assert.Equal("rule package 'second': action key 'kick' of NamedAction is already taken by rule package 'first'.",
            Refused(() => HostRules.Create([new KeyPackage("first", "kick"), new KeyPackage("second", "kick")])));
        Assert.Contains("rule package 'shove' is loaded twice (Ikosa.Rules.Shove.ShovePackage, and Ikosa.Rules.Shove.ShovePackage before it)",
            Refused(() => HostRules.Create([new ShovePackage(), new ShovePackage()])));
    }

    [Fact]
    public void An_entity_name_used_twice_or_outside_the_package_s_prefix_is_refused()
    {
        Assert.Equal("rule package 'twice': entity name 'twice.step' is used twice in the package.", Refused(() => HostRules.Create([new TwiceNamedPackage()])));
        Assert.Equal("rule package 'rules': entity name 'rules.step.move' of Ikosa.Tests.Host.OtherStep is already used by Ikosa.Engine.Rules.Movement.MoveStep.",
            Refused(() => HostRules.Create([new StandardNamePackage()])));
        Assert.Equal("rule package 'fumble': entity name 'shove.step' of FumbleStep must start with 'fumble.', the package's name.",
            Refused(() => HostRules.Create([new PrefixPackage()])));
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_or_whose_types_do_not_load_is_refused_naming_it()
    {
        using var folder = new TempDirectory();
        var garbage = Path.Combine(folder.Path, "Garbage.dll");
        File.WriteAllText(garbage, "MZ but not really");
        Assert.StartsWith($"rule package {garbage}: not a .NET assembly", Refused(() => RulePackageLoader.Load([garbage])));

        var broken = BrokenPackage.Write(folder.Path);
        var refusal = Refused(() => RulePackageLoader.Load([broken]));
        Assert.StartsWith($"rule package {broken}: a type does not load:", refusal);
        Assert.Contains("Ghost", refusal);
    }

    private static string Refused(Action load) => Assert.Throws<RulePackageException>(load).Message;

    private static string Refused<T>(Func<T> load) => Assert.Throws<RulePackageException>(() => load()).Message;

    private sealed class PrefixPackage : RulePackage
    {
        public override string Name => "fumble";

        public override void Register(RulePackageBuilder package) => package.Entity<FumbleStep>("shove.step");
    }

    /// <summary>A package whose RulePackage derives from a class in Ghost.dll, which is not there: its types do not load.</summary>
    private static class BrokenPackage
    {
        public static string Write(string folder)
        {
            var ghost = new PersistedAssemblyBuilder(new AssemblyName("Ghost"), typeof(object).Assembly);
            var ghostType = ghost.DefineDynamicModule("Ghost").DefineType("Ghost.Base", TypeAttributes.Public | TypeAttributes.Abstract, typeof(RulePackage));
            ghostType.DefineDefaultConstructor(MethodAttributes.Family);
            var ghostBase = ghostType.CreateType();
            var broken = new PersistedAssemblyBuilder(new AssemblyName("Broken.Rules"), typeof(object).Assembly);
            broken.DefineDynamicModule("Broken.Rules").DefineType("Broken.Rules.Package", TypeAttributes.Public, ghostBase).CreateType();
            var path = Path.Combine(folder, "Broken.Rules.dll");
            broken.Save(path); // Ghost.dll is never written
            return path;
        }
    }
}
