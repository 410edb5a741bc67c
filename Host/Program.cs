using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ikosa.Engine;
using Ikosa.Host.Game;
using Ikosa.Host.Hosting;
using Ikosa.ServiceModel.Configuration;
using Microsoft.Extensions.Logging;

// Ikosa Host: starts on embedded defaults (the sample campaign, a SQLite file beside the executable, net.tcp on
// localhost:8765 as app.config says) and runs until Ctrl+C, then shuts down cleanly.

var dataOption = new Option<FileInfo>("--data") { Description = "The SQLite game file (created with the sample campaign when new).", DefaultValueFactory = _ => new FileInfo(Path.Combine(AppContext.BaseDirectory, "ikosa.db")) };
var configOption = new Option<FileInfo>("--config") { Description = "The app.config with <system.serviceModel>.", DefaultValueFactory = _ => new FileInfo(Path.Combine(AppContext.BaseDirectory, "ikosa.config")) };
var portOption = new Option<int?>("--port") { Description = "Listen on this port instead of the one in the config (0 picks a free one)." };
var campaignOption = new Option<FileInfo?>("--campaign") { Description = "A snapshot (snapshots/NAME.json, saved by the master) to start a new game from instead of the sample campaign." };
var certificateOption = new Option<FileInfo?>("--certificate") { Description = "A PFX file: serve every endpoint over TLS with this certificate." };
var certificatePasswordOption = new Option<string?>("--certificate-password") { Description = "The PFX file's password." };
var passwordOption = new Option<string[]>("--set-password") { Description = "USER=PASSWORD: set a user's password (a new name makes a player user) before starting.", AllowMultipleArgumentsPerToken = true };
var exitOption = new Option<bool>("--no-serve") { Description = "Apply --set-password and exit without serving." };

var root = new RootCommand("Ikosa Host: the authority for a tabletop game played over net.tcp.")
{
    dataOption, configOption, portOption, campaignOption, certificateOption, certificatePasswordOption, passwordOption, exitOption,
};
root.SetAction(async (parse, cancel) =>
{
    using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
    var log = loggers.CreateLogger("Ikosa.Host");
    var data = parse.GetValue(dataOption)!;
    var config = parse.GetValue(configOption)!;
    ServiceModelSection section;
    try
    {
        section = ServiceModelSection.Load(config.FullName);
    }
    catch (Exception error) when (error is ConfigurationErrorsException or IOException)
    {
        Console.Error.WriteLine($"Cannot read the configuration: {error.Message}");
        return 2;
    }

    GameHost game;
    IReadOnlyDictionary<string, string> newPasswords;
    try
    {
        (game, newPasswords) = GameHost.Open(new GameHostOptions
        {
            Engine = new EngineOptions { DatabasePath = data.FullName },
            CampaignFile = parse.GetValue(campaignOption)?.FullName,
            SnapshotFolder = data.DirectoryName ?? AppContext.BaseDirectory,
        }, loggers);
    }
    catch (Exception error) when (error is Ikosa.Engine.Store.StoreRefusedException)
    {
        Console.Error.WriteLine($"Cannot open the game file {data.FullName}: {error.Message}");
        return 3;
    }
    catch (CampaignFileException error)
    {
        Console.Error.WriteLine(error.Message);
        return 3;
    }

    X509Certificate2? certificate = null;
    if (parse.GetValue(certificateOption) is { } pfx)
    {
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(pfx.FullName, parse.GetValue(certificatePasswordOption));
        }
        catch (Exception error) when (error is CryptographicException or IOException)
        {
            Console.Error.WriteLine($"Cannot load the certificate {pfx.FullName}: {error.Message} Check the file and --certificate-password.");
            await game.DisposeAsync();
            return 2;
        }
    }

    foreach (var assignment in parse.GetValue(passwordOption) ?? [])
    {
        var parts = assignment.Split('=', 2);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length < 4)
        {
            Console.Error.WriteLine($"--set-password wants USER=PASSWORD with a password of at least 4 characters, not '{assignment}'.");
            return 2;
        }
        game.SetPassword(parts[0], parts[1]);
        Console.WriteLine($"Password set for {parts[0]}.");
    }
    if (newPasswords.Count > 0)
    {
        Console.WriteLine("A new game was created. First passwords (shown once; change them with --set-password):");
        foreach (var (user, password) in newPasswords)
            Console.WriteLine($"  {user,-8} {password}");
    }
    if (parse.GetValue(exitOption))
    {
        await game.DisposeAsync();
        return 0;
    }

    await using var server = await IkosaServer.StartAsync(game, section, parse.GetValue(portOption), loggers, certificate, cancel);
    foreach (var endpoint in server.Endpoints)
        Console.WriteLine($"Listening: {endpoint.Address}");
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
});
return await root.Parse(args).InvokeAsync();
