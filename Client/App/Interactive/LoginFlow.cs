using System.Text.RegularExpressions;
using Ikosa.Client.App.Commands;
using Ikosa.Client.App.Session;
using Ikosa.Client.Library.Trust;
using Ikosa.Contracts;
using Ikosa.ServiceModel;
using Spectre.Console;

namespace Ikosa.Client.App.Interactive;

/// <summary>
/// The terminal's way in: asks for what the command line left out, shows a host's certificate the first time and asks
/// whether to trust it, logs in (three tries) — or, given the game master's one-time code, has the player choose a
/// password — then lets a player pick characters.
/// </summary>
public sealed partial class LoginFlow(AppOptions options, IAnsiConsole console)
{
    private const int Attempts = 3;

    /// <summary>The logged-in session, or null after telling the user why not.</summary>
    public async Task<GameSession?> LoginAsync()
    {
        var user = options.User ?? console.Prompt(new TextPrompt<string>("User:"));
        var password = options.Password;
        var code = options.Code;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (code is null && password is null)
            {
                var typed = console.Prompt(new TextPrompt<string>($"Password for {Markup.Escape(user)} (or the one-time code your game master gave you):").Secret());
                if (CodeShape().IsMatch(typed.Trim()))
                    code = typed.Trim();
                else
                    password = typed;
            }
            if (code is not null)
                password ??= ChooseNewPassword();
            try
            {
                var connection = options.ToClientOptions(ConfirmAsync);
                return code is null
                    ? await GameSession.LoginAsync(connection, user, password!).ConfigureAwait(false)
                    : await GameSession.RedeemCodeAsync(connection, user, code, password!).ConfigureAwait(false);
            }
            catch (FaultException<AccessDeniedFault> denied)
            {
                console.MarkupLine($"[red]{Markup.Escape(denied.Detail.Reason)}[/]");
                (password, code) = (null, null);
            }
            catch (FaultException<InvalidArgumentFault> invalid)
            {
                console.MarkupLine($"[red]{Markup.Escape(invalid.Detail.Reason)}[/]");
                password = null;
            }
            catch (HostTrustException refused)
            {
                console.MarkupLine($"[red bold]{Markup.Escape(refused.Message)}[/]");
                return null;
            }
            catch (Exception error) when (error is CommunicationException or TimeoutException)
            {
                console.MarkupLine($"[red]Cannot reach {Markup.Escape(options.Host.ToString())}: {Markup.Escape(CommandExecutor.Describe(error))}[/]");
                return null;
            }
        }
        return null;
    }

    /// <summary>SSH's question: the host is new to this user; its fingerprint is shown to compare with what the host printed.</summary>
    private Task<bool> ConfirmAsync(HostCertificate certificate)
    {
        console.MarkupLine($"The host [bold]{Markup.Escape(KnownHosts.KeyOf(certificate.Host, certificate.Port))}[/] is new to you. Its certificate:");
        console.MarkupLine($"  [bold]{Markup.Escape(certificate.Fingerprint.ToString())}[/]");
        console.MarkupLine($"  {Markup.Escape(certificate.Subject)}, valid until {certificate.NotAfter:yyyy-MM-dd}");
        console.MarkupLine("Compare it with the fingerprint the game master's host printed at start (\"TLS on …: certificate SHA256:…\").");
        return Task.FromResult(console.Confirm("Trust this host from now on?", defaultValue: false));
    }

    private string ChooseNewPassword()
    {
        while (true)
        {
            var chosen = console.Prompt(new TextPrompt<string>($"Choose your password (at least {MinimumPasswordLength} characters):").Secret());
            if (chosen.Length < MinimumPasswordLength)
            {
                console.MarkupLine($"[red]at least {MinimumPasswordLength} characters, please[/]");
                continue;
            }
            if (console.Prompt(new TextPrompt<string>("Type it again:").Secret()) == chosen)
                return chosen;
            console.MarkupLine("[red]the two differ; again[/]");
        }
    }

    /// <summary>The host's rule for passwords chosen with a code (its LoginService says the same).</summary>
    private const int MinimumPasswordLength = 8;

    /// <summary>A one-time code as the host hands it out: three groups of four letters or digits.</summary>
    [GeneratedRegex("^[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}$")]
    private static partial Regex CodeShape();

    /// <summary>Takes the characters named on the command line, or asks a player which of the free ones to play.</summary>
    public async Task PickCharactersAsync(GameSession session)
    {
        var characters = await session.Client.Login.GetCharactersAsync().ConfigureAwait(false);
        var mine = session.MyCharacters(characters);
        List<CharacterInfo> chosen;
        if (options.Characters.Count > 0)
        {
            chosen = characters.Where(c => options.Characters.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            foreach (var missing in options.Characters.Where(n => chosen.All(c => !c.Name.Equals(n, StringComparison.OrdinalIgnoreCase))))
                console.MarkupLine($"[yellow]'{Markup.Escape(missing)}' is not one of your characters[/]");
        }
        else
        {
            var free = characters.Where(c => c.PlayedBy is null).ToList();
            if (session.IsMaster || free.Count == 0)
                return;
            var prompt = new MultiSelectionPrompt<CharacterInfo>()
                .Title("Which characters will you play? ([grey]Space[/] toggles, [grey]Enter[/] accepts)")
                .NotRequired()
                .UseConverter(c => Markup.Escape(c.Name))
                .AddChoices(free);
            foreach (var character in free)
                prompt.Select(character);
            chosen = console.Prompt(prompt);
        }
        var take = chosen.Where(c => mine.All(m => m.Id != c.Id)).Select(c => c.Id).ToList();
        if (take.Count == 0)
            return;
        try
        {
            await session.Client.Login.SelectCharactersAsync(take, []).ConfigureAwait(false);
            session.Active = take[0];
        }
        catch (Exception error) when (error is CommunicationException or TimeoutException)
        {
            console.MarkupLine($"[red]{Markup.Escape(CommandExecutor.Describe(error))}[/]");
        }
    }
}
