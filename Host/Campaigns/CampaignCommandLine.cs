using System.CommandLine;
using Ikosa.Host.Startup;

namespace Ikosa.Host.Campaigns;

/// <summary>The campaign subcommands of the host's command line; the root command (start the host) is Program's.</summary>
public static class CampaignCommandLine
{
    public static void AddTo(RootCommand root)
    {
        var checkFolder = new Argument<string>("DIR") { Description = "The campaign folder (with campaign.yaml)." };
        var checkRules = new Option<string[]>("--rules") { Description = "A rule package the campaign may list under rules: (its DLL or folder; repeat for several)." };
        var check = new Command("check", "Check a campaign folder: prints every error as file:line:column: message; exit code 0 when it would start.") { checkFolder, checkRules };
        check.SetAction(parse =>
        {
            try
            {
                var rules = RulesFromStart.Load(config: null, parse.GetValue(checkRules) ?? []);
                return CampaignCommands.Check(parse.GetValue(checkFolder)!, Console.Out, rules.Rules.Names);
            }
            catch (HostStartException error)
            {
                Console.Error.WriteLine(error.Message);
                return error.ExitCode;
            }
        });

        var newFolder = new Argument<string>("DIR") { Description = "A new or empty folder." };
        var newCampaign = new Command("new-campaign", "Write a small, commented starter campaign to edit.") { newFolder };
        newCampaign.SetAction(parse => CampaignCommands.NewCampaign(parse.GetValue(newFolder)!, Console.Out, Console.Error));

        var exportFolder = new Argument<string>("DIR") { Description = "A new or empty folder for the campaign." };
        var exportData = new Option<FileInfo?>("--data") { Description = $"The game file to export (not while a host runs it). Default: {DataFolder.Default().DefaultGameFile}." };
        var exportSnapshot = new Option<string?>("--snapshot") { Description = "Export a snapshot instead: a file, or the NAME the master saved with 'snapshot NAME'." };
        var export = new Command("export", "Write a game's committed state (the game file, or a snapshot) as a campaign folder to edit and start again.")
        {
            exportFolder, exportData, exportSnapshot,
        };
        export.SetAction(parse =>
        {
            var data = parse.GetValue(exportData);
            var folder = data is null ? DataFolder.Default() : DataFolder.Of(data);
            var snapshot = parse.GetValue(exportSnapshot) is { } given ? folder.ResolveCampaign(given) : null;
            return CampaignCommands.Export(parse.GetValue(exportFolder)!, data?.FullName ?? folder.DefaultGameFile, snapshot, Console.Out, Console.Error);
        });

        root.Subcommands.Add(check);
        root.Subcommands.Add(newCampaign);
        root.Subcommands.Add(export);
    }
}
