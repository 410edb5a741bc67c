using System.CommandLine;
using Ikosa.Engine;
using Ikosa.Host.Campaigns;
using Ikosa.Host.Game;
using Ikosa.Host.Hosting;
using Ikosa.Host.Network;
using Ikosa.Host.Startup;
using Ikosa.ServiceModel.Configuration;
using Microsoft.Extensions.Logging;

// Ikosa Host: starts on embedded defaults (the sample campaign, the game file in the user's data folder, net.tcp on
// localhost:8765 as app.config says) and runs until Ctrl+C, then shuts down cleanly. Its subcommands check, write and
// export campaign folders (Campaigns/CampaignCommandLine.cs).

var dataOption = new Option<FileInfo?>("--data") { Description = $"The SQLite game file (created with the sample campaign when new). Default: {DataFolder.Default().DefaultGameFile} (set {DataFolder.EnvironmentVariable} to move the folder)." };
var configOption = new Option<FileInfo>("--config") { Description = "The app.config with <system.serviceModel>.", DefaultValueFactory = _ => new FileInfo(Path.Combine(AppContext.BaseDirectory, "ikosa.config")) };
var campaignOption = new Option<string?>("--campaign") { Description = "What a new game starts from: a campaign folder (see 'check'), a snapshot file, or the NAME the master saved with 'snapshot NAME'. Default: the sample campaign." };
var passwordOption = new Option<string[]>("--set-password") { Description = "USER=PASSWORD: set a user's password (a new name makes a player user) before starting.", AllowMultipleArgumentsPerToken = true };
var exitOption = new Option<bool>("--no-serve") { Description = "Apply --set-password and exit without serving." };
var rulesOption = new Option<string[]>("--rules") { Description = "A rule package to load: its DLL, or a folder of packages (repeat for several; the config's <ikosa><rules> adds more).", AllowMultipleArgumentsPerToken = false };
var lowSpaceOption = new Option<long>("--low-space-warning") { Description = "Warn at start (and in the master's status) when the game file's disk has less free space than this many MB.", DefaultValueFactory = _ => 100 };

var root = new RootCommand("Ikosa Host: the authority for a tabletop game played over net.tcp.")
{
    dataOption, configOption, campaignOption, passwordOption, exitOption, lowSpaceOption, rulesOption,
};
var networkOptions = NetworkCommandLine.AddTo(root);
CampaignCommandLine.AddTo(root);
root.SetAction(async (parse, cancel) =>
{
    using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
    try
    {
        return await RunAsync(parse, loggers, cancel);
    }
    catch (HostStartException error)
    {
        Console.Error.WriteLine(error.Message);
        return error.ExitCode;
    }
});
return await root.Parse(args).InvokeAsync();

async Task<int> RunAsync(ParseResult parse, ILoggerFactory loggers, CancellationToken cancel)
{
    var log = loggers.CreateLogger("Ikosa.Host");
    var serve = !parse.GetValue(exitOption);
    var configFile = parse.GetValue(configOption)!;
    var section = LoadConfiguration(configFile);
    var rules = RulesFromStart.Load(configFile, parse.GetValue(rulesOption) ?? []);
    var passwords = ParsePasswords(parse.GetValue(passwordOption) ?? []);
    var data = parse.GetValue(dataOption);
    var folder = data is null ? DataFolder.Default() : DataFolder.Of(data);
    var gameFile = data?.FullName ?? folder.DefaultGameFile;

    // Everything that can fail is checked before the game file is touched: a failed start never makes a new game.
    var network = networkOptions.Read(parse, HostSettings.Load(configFile.FullName));
    var localNetwork = LocalNetwork.Discover();
    var plan = serve ? NetworkStartup.Prepare(section, network, folder, networkOptions.RenewCertificate(parse), localNetwork, Console.Out) : null;
    var campaign = parse.GetValue(campaignOption) is { } given ? folder.ResolveCampaign(given) : null;
    Directory.CreateDirectory(Path.GetDirectoryName(gameFile)!);
    Console.WriteLine($"Game file: {gameFile}");
    foreach (var line in rules.Listing)
        Console.WriteLine(line);

    var (game, newPasswords) = OpenGame(gameFile, folder, campaign, passwords, parse.GetValue(lowSpaceOption), rules.Rules, network.InsecurePasswords, loggers);
    await using var _ = game;
    foreach (var (user, password) in passwords)
    {
        // A new game already made these users with these passwords; hashing again would only cost time.
        if (!newPasswords.ContainsKey(user))
            game.SetPassword(user, password);
        Console.WriteLine($"Password set for {user}.");
    }
    var madeUp = newPasswords.Where(p => !passwords.ContainsKey(p.Key)).ToList();
    if (madeUp.Count > 0)
    {
        Console.WriteLine("A new game was created. First passwords (shown once; change them with --set-password):");
        foreach (var (user, password) in madeUp)
            Console.WriteLine($"  {user,-8} {password}");
    }
    if (plan is null)
        return 0;

    await using var server = await StartServerAsync(game, section, plan, localNetwork, loggers, cancel);
    StartupReport.Print(server, plan, localNetwork, Console.Out);
    Console.WriteLine("Press Ctrl+C to stop.");
    try
    {
        await Task.Delay(Timeout.Infinite, cancel);
    }
    catch (OperationCanceledException)
    {
    }
    log.LogInformation("Stopping: finishing calls in flight and ending sessions");
    return 0;
}

static ServiceModelSection LoadConfiguration(FileInfo config)
{
    try
    {
        return ServiceModelSection.Load(config.FullName);
    }
    catch (Exception error) when (error is ConfigurationErrorsException or IOException)
    {
        throw new HostStartException($"Cannot read the configuration: {error.Message}");
    }
}

static Dictionary<string, string> ParsePasswords(IEnumerable<string> assignments)
{
    var passwords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    foreach (var assignment in assignments)
    {
        var parts = assignment.Split('=', 2);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length < 4)
            throw new HostStartException($"--set-password wants USER=PASSWORD with a password of at least 4 characters, not '{assignment}'.");
        passwords[parts[0]] = parts[1];
    }
    return passwords;
}

static (GameHost, IReadOnlyDictionary<string, string>) OpenGame(string gameFile, DataFolder folder, string? campaign,
    IReadOnlyDictionary<string, string> passwords, long lowSpaceWarningMegabytes, Ikosa.Engine.Packages.RuleSet rules,
    bool insecurePasswords, ILoggerFactory loggers)
{
    try
    {
        return GameHost.Open(new GameHostOptions
        {
            Engine = new EngineOptions { DatabasePath = gameFile },
            Rules = rules,
            CampaignFile = campaign,
            SnapshotFolder = folder.Path,
            InitialPasswords = passwords,
            LowSpaceWarning = lowSpaceWarningMegabytes * 1024 * 1024,
            InsecurePasswords = insecurePasswords,
        }, loggers);
    }
    catch (Ikosa.Engine.Store.StoreRefusedException error)
    {
        throw new HostStartException($"Cannot start: {error.Message}", exitCode: 3);
    }
    catch (Ikosa.Engine.Store.StoreFailedException error) when (error.Problem is { } problem)
    {
        throw new HostStartException($"Cannot start: the game cannot be saved: {problem.Explain()}. {problem.Advice}", exitCode: 3);
    }
    catch (Exception error) when (error is CampaignFileException or CampaignCheckException)
    {
        throw new HostStartException(error.Message, exitCode: 3);
    }
}

static async Task<IkosaServer> StartServerAsync(GameHost game, ServiceModelSection section, ListenPlan plan, LocalNetwork network,
    ILoggerFactory loggers, CancellationToken cancel)
{
    try
    {
        return await IkosaServer.StartAsync(game, section, plan, loggers, network, cancel);
    }
    catch (IOException error)
    {
        // Between the port check and now another program took the port: the game exists now, its passwords were printed.
        throw new HostStartException($"Cannot listen: {error.Message} Stop the program using the port, or start with --port N (--port 0 picks a free port).");
    }
}
