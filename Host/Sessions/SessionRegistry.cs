using System.Collections.Concurrent;
using System.Security.Cryptography;
using Ikosa.Engine.Workflow;

namespace Ikosa.Host.Sessions;

/// <summary>The logins the host knows: by ticket and by user. One login per user: a new one replaces the old.</summary>
public sealed class SessionRegistry(Mapping.NotificationMapper notifications)
{
    private readonly ConcurrentDictionary<string, ClientSession> _byTicket = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ClientSession> _byUser = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A new login for <paramref name="actor"/>, and the login it replaced, if any.</summary>
    public (ClientSession Session, ClientSession? Replaced) Create(Actor actor)
    {
        var ticket = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var session = new ClientSession(ticket, actor, notifications);
        ClientSession? replaced = null;
        _byUser.AddOrUpdate(actor.UserName, session, (_, old) =>
        {
            replaced = old;
            return session;
        });
        if (replaced is not null)
            _byTicket.TryRemove(replaced.Ticket, out _);
        _byTicket[ticket] = session;
        return (session, replaced);
    }

    public ClientSession? FindByTicket(string ticket) => _byTicket.TryGetValue(ticket, out var session) ? session : null;

    public ClientSession? FindByUser(string user) => _byUser.TryGetValue(user, out var session) ? session : null;

    public IReadOnlyCollection<ClientSession> All => _byUser.Values.ToList();

    public bool IsOnline(string user) => FindByUser(user) is { DroppedAt: null };

    public void Remove(ClientSession session)
    {
        _byTicket.TryRemove(session.Ticket, out _);
        _byUser.TryRemove(new KeyValuePair<string, ClientSession>(session.UserName, session));
    }
}
