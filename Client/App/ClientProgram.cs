using System.CommandLine;
using Ikosa.Client.App.Commands;
using Ikosa.Client.App.Interactive;
using Ikosa.Client.App.Scripted;
using Ikosa.Client.App.Session;
using Ikosa.Contracts;
using Ikosa.ServiceModel;
using Spectre.Console;

namespace Ikosa.Client.App;

/// <summary>
/// The app's entry point: reads the command line, then runs the terminal UI, or with --script runs commands without a
/// terminal. Exit codes: 0 done, 1 a script command failed or the session was ended, 2 bad arguments or login refused,
/// 3 the host could not be reached.
/// </summary>
public static class ClientProgram
{
    public const int ScriptFailed = 1;
    public const int BadArguments = 2;
    public const int Unreachable = 3;

    /// <summary>Runs the app; <paramref name="input"/> and <paramref name="output"/> replace the console for scripts and tests.</summary>
    public static async Task<int> RunAsync(string[] args, TextReader? input = null, TextWriter? output = null, TextWriter? error = null, CancellationToken cancel = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var hostOption = new Option<string>("--host") { Description = "The host's base address.", DefaultValueFactory = _ => AppOptions.DefaultHost };
        var userOption = new Option<string?>("--user") { Description = "Your user name (asked for when missing)." };
        var passwordOption = new Option<string?>("--password") { Description = "Your password (asked for when missing)." };
        var scriptOption = new Option<string?>("--script") { Description = "Run the commands in this file ('-' for standard input) without a terminal UI." };
        var tlsOption = new Option<bool>("--tls") { Description = "Connect over TLS (the host runs with --certificate)." };
        var trustOption = new Option<string?>("--trust-certificate") { Description = "Trust exactly this host certificate (SHA-1 or SHA-256 thumbprint), e.g. a game master's self-signed one; implies --tls." };
        var characterOption = new Option<string[]>("--character") { Description = "A character to play at once (repeatable).", AllowMultipleArgumentsPerToken = true };
        var webOption = new Option<bool>("--web") { Description = "Show the table in your browser: served on 127.0.0.1 only, at an address with a secret that is printed (and opened)." };
        var webPortOption = new Option<int>("--web-port") { Description = "The port of --web's page (default: any free one).", DefaultValueFactory = _ => 0 };
        var noOpenOption = new Option<bool>("--no-open") { Description = "With --web: print the page's address but do not open a browser." };
        var root = new RootCommand("Ikosa Client: play (or run as game master) a game on an Ikosa host.")
        {
            hostOption, userOption, passwordOption, scriptOption, characterOption, tlsOption, trustOption, webOption, webPortOption, noOpenOption,
        };
        root.SetAction(async (parse, token) =>
        {
            AppOptions options;
            try
            {
                options = new AppOptions
                {
                    Host = AppOptions.NormalizeHost(parse.GetValue(hostOption)!),
                    User = parse.GetValue(userOption),
                    Password = parse.GetValue(passwordOption),
                    Script = parse.GetValue(scriptOption),
                    Characters = parse.GetValue(characterOption) ?? [],
                    Tls = parse.GetValue(tlsOption),
                    TrustedCertificate = parse.GetValue(trustOption),
                    Web = parse.GetValue(webOption),
                    WebPort = parse.GetValue(webPortOption),
                    OpenBrowser = !parse.GetValue(noOpenOption),
                };
                if (options.WebPort is < 0 or > 65535)
                    throw new UriFormatException($"--web-port must be a port number (0 to 65535), not {options.WebPort}");
                options.ToClientOptions(); // reads the configuration beside the app: a broken one is said here, once
            }
            catch (UriFormatException bad)
            {
                await error.WriteLineAsync(bad.Message).ConfigureAwait(false);
                return BadArguments;
            }
            catch (ServiceModel.Configuration.ConfigurationErrorsException bad)
            {
                await error.WriteLineAsync($"{bad.Message} Fix {AppOptions.ConfigurationFile}, or delete it to use the host's defaults.").ConfigureAwait(false);
                return BadArguments;
            }
            if (options.Script is not null)
                return await RunScriptAsync(options, input ?? Console.In, output, error, token).ConfigureAwait(false);
            if (options.Web)
            {
                if (Console.IsInputRedirected && (options.User is null || options.Password is null))
                {
                    await error.WriteLineAsync("--web without a terminal needs --user and --password").ConfigureAwait(false);
                    return BadArguments;
                }
                return await new Web.WebApp(options, AnsiConsole.Console, output).RunAsync(token).ConfigureAwait(false);
            }
            if (Console.IsInputRedirected)
            {
                await error.WriteLineAsync("there is no terminal to play in: use --script - to run commands from standard input").ConfigureAwait(false);
                return BadArguments;
            }
            return await new InteractiveApp(options, AnsiConsole.Console).RunAsync(token).ConfigureAwait(false);
        });
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(configuration, cancel).ConfigureAwait(false);
    }

    private static async Task<int> RunScriptAsync(AppOptions options, TextReader stdin, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        if (options.User is null || options.Password is null)
        {
            await error.WriteLineAsync("--script needs --user and --password: there is no terminal to ask").ConfigureAwait(false);
            return BadArguments;
        }
        TextReader script;
        try
        {
            script = options.Script == "-" ? stdin : new StreamReader(options.Script!);
        }
        catch (IOException cannot)
        {
            await error.WriteLineAsync($"cannot read the script: {cannot.Message}").ConfigureAwait(false);
            return BadArguments;
        }
        using (script == stdin ? null : script)
        {
            GameSession session;
            try
            {
                session = await GameSession.LoginAsync(options.ToClientOptions(), options.User, options.Password).ConfigureAwait(false);
            }
            catch (FaultException<AccessDeniedFault> denied)
            {
                await error.WriteLineAsync($"login refused: {denied.Detail.Reason}").ConfigureAwait(false);
                return BadArguments;
            }
            catch (Exception failed) when (failed is CommunicationException or TimeoutException)
            {
                await error.WriteLineAsync($"cannot reach {options.Host}: {CommandExecutor.Describe(failed)}").ConfigureAwait(false);
                return Unreachable;
            }
            await using (session.ConfigureAwait(false))
            {
                var executor = new CommandExecutor(session);
                await output.WriteLineAsync($"logged in as {session.UserName}{(session.IsMaster ? " (game master)" : "")}").ConfigureAwait(false);
                if (options.Characters.Count > 0)
                {
                    var played = await executor.ExecuteAsync("play " + string.Join(", ", options.Characters), cancel).ConfigureAwait(false);
                    await output.WriteLineAsync(string.Join(Environment.NewLine, played.Lines)).ConfigureAwait(false);
                    if (!played.Ok)
                        return ScriptFailed;
                }
                return await new ScriptRunner(session, executor, output).RunAsync(script, cancel).ConfigureAwait(false);
            }
        }
    }
}
