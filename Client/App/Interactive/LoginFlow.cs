using Ikosa.Client.App.Commands;
using Ikosa.Client.App.Session;
using Ikosa.Contracts;
using Ikosa.ServiceModel;
using Spectre.Console;

namespace Ikosa.Client.App.Interactive;

/// <summary>The terminal's way in: asks for what the command line left out, logs in (three tries), then lets a player pick characters.</summary>
public sealed class LoginFlow(AppOptions options, IAnsiConsole console)
{
    private const int Attempts = 3;

    /// <summary>The logged-in session, or null after telling the user why not.</summary>
    public async Task<GameSession?> LoginAsync()
    {
        var user = options.User ?? console.Prompt(new TextPrompt<string>("User:"));
        var password = options.Password;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            password ??= console.Prompt(new TextPrompt<string>($"Password for {Markup.Escape(user)}:").Secret());
            try
            {
                return await GameSession.LoginAsync(options.ToClientOptions(), user, password).ConfigureAwait(false);
            }
            catch (FaultException<AccessDeniedFault> denied)
            {
                console.MarkupLine($"[red]{Markup.Escape(denied.Detail.Reason)}[/]");
                password = null;
            }
            catch (Exception error) when (error is CommunicationException or TimeoutException)
            {
                console.MarkupLine($"[red]Cannot reach {Markup.Escape(options.Host.ToString())}: {Markup.Escape(CommandExecutor.Describe(error))}[/]");
                return null;
            }
        }
        return null;
    }

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
