using Ikosa.Contracts;
using Ikosa.Engine.Rules.Creatures;
using Ikosa.Engine.Workflow;
using Ikosa.Engine.Workflow.Users;
using Ikosa.Host.Game;
using Ikosa.Host.Security;
using Ikosa.Host.Sessions;
using Ikosa.Host.Users;
using Ikosa.ServiceModel;
using Microsoft.Extensions.Logging;

namespace Ikosa.Host.Services;

/// <summary>Logins, characters, presence and chat; its channel carries the client's batches.</summary>
public sealed class LoginService(GameHost game) : BoundService(game), ILoginService
{
    private readonly ILogger _logger = game.Loggers.CreateLogger<LoginService>();

    /// <summary>Passwords a player chooses with a one-time code are at least this long.</summary>
    public const int MinimumPasswordLength = 8;

    [Authorize(Access.Anyone)]
    public async Task<TicketInfo> LoginAsync(string userName, string password)
    {
        RefusePasswordInClear("Login");
        if (Game.Throttle.RetryAfter(userName) is { } wait)
            throw Denied("Login", $"too many failed attempts; try again in {Math.Ceiling(wait.TotalSeconds)} s");
        var account = await ReadAsync(tx => tx.Find<UserAccount>(UserAccount.KeyFor(userName))).ConfigureAwait(false);
        // The hash is checked outside the gate: it is slow on purpose.
        if (account is null || !PasswordHasher.Verify(password, account.PasswordHash))
        {
            Game.Throttle.Failed(userName);
            _logger.LogInformation("Failed login for {User}", userName);
            throw Denied("Login", "wrong user name or password");
        }
        if (account.Disabled)
            throw Denied("Login", "this user is disabled; ask the game master");
        Game.Throttle.Succeeded(userName);
        return await StartSessionAsync(account).ConfigureAwait(false);
    }

    [Authorize(Access.Anyone)]
    public async Task<TicketInfo> RedeemCodeAsync(string userName, string code, string newPassword)
    {
        RefusePasswordInClear("RedeemCode");
        if (Game.Throttle.RetryAfter(userName) is { } wait)
            throw Denied("RedeemCode", $"too many failed attempts; try again in {Math.Ceiling(wait.TotalSeconds)} s");
        if (newPassword.Length < MinimumPasswordLength)
            throw InvalidArgument("newPassword", $"choose a password of at least {MinimumPasswordLength} characters");
        var account = await ReadAsync(tx => tx.Find<UserAccount>(UserAccount.KeyFor(userName))).ConfigureAwait(false);
        var written = OneTimeCode.Normalize(code);
        if (account?.Code is not { } pending || written is null || !PasswordHasher.Verify(written, pending.Hash))
        {
            Game.Throttle.Failed(userName);
            _logger.LogInformation("Failed one-time code for {User}", userName);
            throw Denied("RedeemCode", "wrong user name or code (a code works once)");
        }
        if (pending.Expires <= Game.Options.Clock.GetUtcNow())
            throw Denied("RedeemCode", "this code has expired; ask the game master for a new one");
        if (account.Disabled)
            throw Denied("RedeemCode", "this user is disabled; ask the game master");
        if (OneTimeCode.Normalize(newPassword) == written)
            throw InvalidArgument("newPassword", "choose a password of your own, not the code");
        var hash = PasswordHasher.Hash(newPassword);
        var redeemed = await WriteAsync<UserAccount?>(tx =>
        {
            // Checked again inside the write: of two redemptions at once, one wins.
            if (tx.Find<UserAccount>(account.Id) is not { } current || current.Code != pending)
                return null;
            var changed = current with { PasswordHash = hash, Code = null };
            tx.Put(changed);
            tx.Notify(Game.Masters(tx), new SystemEvent($"{current.Name} chose a password with their one-time code"));
            return changed;
        }).ConfigureAwait(false);
        if (redeemed is null)
            throw Denied("RedeemCode", "wrong user name or code (a code works once)");
        Game.Throttle.Succeeded(userName);
        _logger.LogInformation("{User} chose a password with a one-time code", redeemed.Name);
        return await StartSessionAsync(redeemed).ConfigureAwait(false);
    }

    [Authorize(Access.Anyone)]
    public async Task<TicketInfo> ResumeAsync(string ticket, long lastSerial)
    {
        BindTo(ticket, "Resume");
        var session = Client!;
        var result = Attach(lastSerial);
        if (result.Kind == Engine.Notifications.ResumeKind.RefetchRequired)
            _ = session.SendRefetchAsync(result.Serial);
        await AnnounceAsync($"{session.UserName} reconnected (missed {result.MissedBatches} batches)", online: true).ConfigureAwait(false);
        return Ticket(session, result.Serial);
    }

    [Authorize(Access.LoggedIn)]
    public Task LogoutAsync()
    {
        var session = Client!;
        Client = null;
        return Game.EndSessionAsync(session, "logged out");
    }

    [Authorize(Access.LoggedIn)]
    public Task<List<UserInfo>> GetUsersAsync() => ReadAsync(tx => tx.All<UserAccount>()
        .OrderBy(u => u.Name, StringComparer.Ordinal)
        .Select(u => new UserInfo { Name = u.Name, IsMaster = u.IsMaster, IsDisabled = u.Disabled, IsOnline = Game.Sessions.IsOnline(u.Name) })
        .ToList());

    [Authorize(Access.LoggedIn)]
    public Task<List<CharacterInfo>> GetCharactersAsync()
    {
        var actor = Actor;
        return ReadAsync(tx => tx.All<CreatureControl>()
            .Where(c => actor.IsMaster || c.Allows(actor.UserName))
            .Select(c => new CharacterInfo { Id = c.Creature.Value, Name = tx.Find<Creature>(c.Creature)?.Name ?? "?", PlayedBy = c.Controller })
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList());
    }

    [Authorize(Access.LoggedIn)]
    public async Task<List<CharacterInfo>> SelectCharactersAsync(List<Guid> take, List<Guid> release)
    {
        var actor = Actor;
        await WriteAsync(tx =>
        {
            foreach (var id in CreaturesNamed(tx, release, "release"))
                Refuse(Game.Rules.ReleaseControl(tx, actor, id));
            foreach (var id in CreaturesNamed(tx, take, "take"))
                Refuse(Game.Rules.TakeControl(tx, actor, id));
            return 0;
        }).ConfigureAwait(false);
        return await GetCharactersAsync().ConfigureAwait(false);
    }

    [Authorize(Access.LoggedIn)]
    public async Task SendChatAsync(ChatInfo chat)
    {
        if (string.IsNullOrWhiteSpace(chat.Text))
            throw InvalidArgument("chat.Text", "say something");
        var from = Actor.UserName;
        await WriteAsync(tx =>
        {
            var masters = Game.Masters(tx);
            var recipients = chat.Audience switch
            {
                ChatAudience.Everyone => Game.OnlineUsers.Union(masters),
                ChatAudience.Party => tx.All<CreatureControl>().Where(c => c.Controller is not null).Select(c => c.Controller!).Union(masters).Append(from),
                ChatAudience.GameMaster => masters.Append(from),
                ChatAudience.Whisper => tx.Find<UserAccount>(UserAccount.KeyFor(chat.To ?? "")) is { } to
                    ? new[] { to.Name, from }
                    : throw InvalidArgument("chat.To", $"there is no user '{chat.To}'"),
                _ => throw InvalidArgument("chat.Audience", "unknown audience"),
            };
            tx.Notify(recipients.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), new ChatMessage(from, chat.Audience.ToString(), chat.Text));
            return 0;
        }).ConfigureAwait(false);
    }

    [Authorize(Access.Anyone)]
    public Task<long> GetSerialAsync() => Task.FromResult(Game.Serial);

    /// <summary>Makes this channel the login's batch channel and, when it closes without a logout, starts the grace period.</summary>
    private Engine.Notifications.ResumeResult Attach(long? lastSerial)
    {
        var session = Client!;
        var context = OperationContext.Current!;
        var callback = context.GetCallbackChannel<ILoginCallback>();
        session.Attach(callback);
        session.CutOff -= Game.OnClientCutOff;
        session.CutOff += Game.OnClientCutOff;
        context.Channel.Closed += (_, _) => Game.OnLoginChannelClosed(session, callback);
        return Game.Engine.Notifications.Connect(session.UserName, session, lastSerial);
    }

    private async Task AnnounceAsync(string what, bool online)
    {
        var session = Client!;
        var user = session.UserName;
        try
        {
            await Game.WriteAsync(Queue, tx =>
            {
                tx.Notify(Game.OnlineUsers.Union(Game.Masters(tx)).ToList(), new PresenceChanged(user, online));
                tx.Notify(Game.Masters(tx), new SystemEvent(what));
                return true;
            }).ConfigureAwait(false);
        }
        catch (Engine.Store.StoreFailedException error) when (error.Problem is not null)
        {
            // Presence is news, not game state: while the host cannot save, logging in goes ahead without it.
            Game.StoreAlerts.TellIfCannotSave(session);
        }
    }

    /// <summary>A checked user's new login: replaces an older one of the same user, binds this channel, tells everyone.</summary>
    private async Task<TicketInfo> StartSessionAsync(UserAccount account)
    {
        var (session, replaced) = Game.Sessions.Create(new Actor(account.Name, account.IsMaster));
        if (replaced is not null)
            await EndReplacedAsync(replaced).ConfigureAwait(false);
        Client = session;
        Attach(lastSerial: null);
        await AnnounceAsync($"{account.Name} joined", online: true).ConfigureAwait(false);
        return Ticket(session, Game.Serial);
    }

    private void RefusePasswordInClear(string operation)
    {
        if (PasswordTransport.Refusal(OperationContext.Current, Game.Options.InsecurePasswords) is { } refusal)
        {
            _logger.LogInformation("Refused a password sent in clear from another machine ({Operation})", operation);
            throw Denied(operation, refusal);
        }
    }

    private Task EndReplacedAsync(ClientSession replaced) => Game.EndSessionAsync(replaced, "logged in from another client", keepControl: true);

    private static TicketInfo Ticket(ClientSession session, long serial) => new()
    {
        Ticket = session.Ticket,
        UserName = session.UserName,
        IsMaster = session.Actor.IsMaster,
        Serial = serial,
    };

    private static void Refuse(Engine.Rules.RuleResult result)
    {
        if (!result.Ok)
            throw new FaultException<InvalidStateFault>(new InvalidStateFault { Reason = result.Error ?? "refused" }, result.Error ?? "refused");
    }

    private static FaultException<AccessDeniedFault> Denied(string operation, string reason) =>
        new(new AccessDeniedFault { Operation = operation, Reason = reason }, $"{operation} refused: {reason}");
}
