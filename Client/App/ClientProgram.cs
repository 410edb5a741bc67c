using System.CommandLine;
using Ikosa.Client.App.Commands;
using Ikosa.Client.App.Interactive;
using Ikosa.Client.App.Scripted;
using Ikosa.Client.App.Session;
using Ikosa.Client.Library.Trust;
using Ikosa.Contracts;
using Ikosa.ServiceModel;
using Spectre.Console;

namespace Ikosa.Client.App;

/// <summary>
/// The app's entry point: reads the command line (<c>--host …</c>, or <c>join INVITE</c>), then runs the terminal UI, or
/// with --script runs commands without a terminal. Exit codes: 0 done, 1 a script command failed or the session was
/// ended, 2 bad arguments or login refused, 3 the host could not be reached, 4 the host's certificate was not trusted.
/// </summary>
public static class ClientProgram
{
    public const int ScriptFailed = 1;
    public const int BadArguments = 2;
    public const int Unreachable = 3;
    public const int NotTrusted = 4;

    /// <summary>Runs the app; <paramref name="input"/> and <paramref name="output"/> replace the console for scripts and tests.</summary>
    /// <param name="web">
    /// runs the graphical table for --web: given by Ikosa.Client.Web, which adds it (and ASP.NET Core) to this app; this
    /// assembly itself runs on the base runtime alone
    /// </param>
    public static async Task<int> RunAsync(string[] args, TextReader? input = null, TextWriter? output = null, TextWriter? error = null, CancellationToken cancel = default,
        Func<AppOptions, Spectre.Console.IAnsiConsole, TextWriter, CancellationToken, Task<int>>? web = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var hostOption = new Option<string>("--host") { Description = "The host's base address.", DefaultValueFactory = _ => AppOptions.DefaultHost };
        var userOption = new Option<string?>("--user") { Description = "Your user name (asked for when missing)." };
        var passwordOption = new Option<string?>("--password") { Description = "Your password (asked for when missing); with --code, the new password you choose." };
        var codeOption = new Option<string?>("--code") { Description = "The one-time code your game master gave you: you choose your password with it (--password, or asked for)." };
        var scriptOption = new Option<string?>("--script") { Description = "Run the commands in this file ('-' for standard input) without a terminal UI." };
        var tlsOption = new Option<bool>("--tls") { Description = "Connect over TLS to this machine too (other machines are always reached over TLS)." };
        var trustOption = new Option<string?>("--trust-certificate") { Description = "Trust exactly this host certificate (SHA-1 or SHA-256 thumbprint), e.g. a game master's self-signed one; implies --tls." };
        var insecureOption = new Option<bool>("--insecure") { Description = "Connect to another machine in plain net.tcp (no TLS): anyone on the network can read the game and your password." };
        var knownHostsOption = new Option<string>("--known-hosts") { Description = "The file of the hosts you trust.", DefaultValueFactory = _ => KnownHosts.DefaultPath() };
        var characterOption = new Option<string[]>("--character") { Description = "A character to play at once (repeatable).", AllowMultipleArgumentsPerToken = true };
        var webOption = new Option<bool>("--web") { Description = "Show the table in your browser: served on 127.0.0.1 only, at an address with a secret that is printed (and opened)." };
        var webPortOption = new Option<int>("--web-port") { Description = "The port of --web's page (default: any free one).", DefaultValueFactory = _ => 0 };
        var noOpenOption = new Option<bool>("--no-open") { Description = "With --web: print the page's address but do not open a browser." };
        var inviteArgument = new Argument<string>("INVITE") { Description = "The invite your game master gave you: ikosa://HOST:PORT/?fp=SHA256:…&user=NAME" };

        var join = new Command("join", "Join a game with the invite your game master gave you (it names the host, its certificate and your user).")
        {
            inviteArgument, passwordOption, codeOption, scriptOption, characterOption, insecureOption, knownHostsOption, webOption, webPortOption, noOpenOption,
        };
        var root = new RootCommand("Ikosa Client: play (or run as game master) a game on an Ikosa host.")
        {
            hostOption, userOption, passwordOption, codeOption, scriptOption, characterOption, tlsOption, trustOption, insecureOption, knownHostsOption,
            webOption, webPortOption, noOpenOption, join,
        };

        AppOptions Common(ParseResult parse, Uri host) => new()
        {
            Host = host,
            Password = parse.GetValue(passwordOption),
            Code = parse.GetValue(codeOption),
            Script = parse.GetValue(scriptOption),
            Characters = parse.GetValue(characterOption) ?? [],
            Insecure = parse.GetValue(insecureOption),
            KnownHostsFile = parse.GetValue(knownHostsOption)!,
            Web = parse.GetValue(webOption),
            WebPort = parse.GetValue(webPortOption) is var port and >= 0 and <= 65535
                ? port
                : throw new FormatException($"--web-port must be a port number (0 to 65535), not {parse.GetValue(webPortOption)}"),
            OpenBrowser = !parse.GetValue(noOpenOption),
        };
        root.SetAction((parse, token) => RunAsync(() => Common(parse, AppOptions.NormalizeHost(parse.GetValue(hostOption)!)) with
        {
            User = parse.GetValue(userOption),
            Tls = parse.GetValue(tlsOption),
            TrustedCertificate = parse.GetValue(trustOption),
        }, input, output, error, web, token));
        join.SetAction((parse, token) => RunAsync(() =>
        {
            var invite = InviteLink.Parse(parse.GetValue(inviteArgument)!);
            return Common(parse, invite.BaseAddress) with { User = invite.User, Invite = invite };
        }, input, output, error, web, token));
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(configuration, cancel).ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(Func<AppOptions> read, TextReader? input, TextWriter output, TextWriter error,
        Func<AppOptions, Spectre.Console.IAnsiConsole, TextWriter, CancellationToken, Task<int>>? web, CancellationToken cancel)
    {
        AppOptions options;
        try
        {
            options = read();
            options.ToClientOptions(); // reads the configuration beside the app: a broken one is said here, once
        }
        catch (Exception bad) when (bad is UriFormatException or FormatException)
        {
            await error.WriteLineAsync(bad.Message).ConfigureAwait(false);
            return BadArguments;
        }
        catch (ServiceModel.Configuration.ConfigurationErrorsException bad)
        {
            await error.WriteLineAsync($"{bad.Message} Fix {AppOptions.ConfigurationFile}, or delete it to use the host's defaults.").ConfigureAwait(false);
            return BadArguments;
        }
        catch (HostTrustException refused)
        {
            await error.WriteLineAsync($"{refused.Message} Start with --insecure to join anyway.").ConfigureAwait(false);
            return NotTrusted;
        }
        if (options.Script is not null)
            return await RunScriptAsync(options, input ?? Console.In, output, error, cancel).ConfigureAwait(false);
        if (options.Web)
        {
            if (web is null)
            {
                await error.WriteLineAsync("this build has no graphical table: run Ikosa.Client.Web (the player's package) for --web").ConfigureAwait(false);
                return BadArguments;
            }
            if (Console.IsInputRedirected && (options.User is null || options.Password is null))
            {
                await error.WriteLineAsync("--web without a terminal needs --user and --password").ConfigureAwait(false);
                return BadArguments;
            }
            return await web(options, AnsiConsole.Console, output, cancel).ConfigureAwait(false);
        }
        if (Console.IsInputRedirected)
        {
            await error.WriteLineAsync("there is no terminal to play in: use --script - to run commands from standard input").ConfigureAwait(false);
            return BadArguments;
        }
        return await new InteractiveApp(options, AnsiConsole.Console).RunAsync(cancel).ConfigureAwait(false);
    }

    private static async Task<int> RunScriptAsync(AppOptions options, TextReader stdin, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        if (options.User is null || options.Password is null)
        {
            await error.WriteLineAsync("--script needs --user and --password (with --code: the new password): there is no terminal to ask").ConfigureAwait(false);
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
                // Nobody to ask in a script: a host not trusted yet is refused (an invite, or --trust-certificate, trusts it).
                var connection = options.ToClientOptions(confirm: null);
                session = options.Code is { } code
                    ? await GameSession.RedeemCodeAsync(connection, options.User, code, options.Password).ConfigureAwait(false)
                    : await GameSession.LoginAsync(connection, options.User, options.Password).ConfigureAwait(false);
            }
            catch (FaultException<AccessDeniedFault> denied)
            {
                await error.WriteLineAsync($"login refused: {denied.Detail.Reason}").ConfigureAwait(false);
                return BadArguments;
            }
            catch (FaultException<InvalidArgumentFault> invalid)
            {
                await error.WriteLineAsync($"login refused: {invalid.Detail.Reason}").ConfigureAwait(false);
                return BadArguments;
            }
            catch (HostTrustException refused)
            {
                await error.WriteLineAsync(refused.Message).ConfigureAwait(false);
                return NotTrusted;
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
