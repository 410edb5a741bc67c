using System.Runtime.Serialization;
using Ikosa.Contracts;
using Ikosa.Engine.Notifications;
using Ikosa.Host.Mapping;

namespace Ikosa.Tests.Host;

/// <summary>Every notification the engine and the host produce has a declared contract that a batch can carry.</summary>
public class NotificationContractTests
{
    private static readonly IReadOnlyDictionary<Type, Type> Declared = StandardNotifications.Contracts().Contracts;

    public static TheoryData<Type> NotificationTypes() => new(
        typeof(Notification).Assembly.GetTypes().Concat(typeof(StandardNotifications).Assembly.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(Notification)) && !t.IsAbstract));

    [Theory]
    [MemberData(nameof(NotificationTypes))]
    public void Every_notification_of_the_engine_and_the_host_has_a_contract_the_batch_knows(Type notification)
    {
        Assert.True(Declared.TryGetValue(notification, out var contract), $"{notification.Name} has no contract in StandardNotifications");
        Assert.Contains(contract, typeof(BatchInfo).GetCustomAttributes(typeof(KnownTypeAttribute), false).Cast<KnownTypeAttribute>().Select(k => k.Type));
    }

    [Fact]
    public void There_are_twenty_kinds_each_with_its_own_contract()
    {
        Assert.Equal(20, Declared.Count);
        Assert.Equal(20, Declared.Values.Distinct().Count());
    }

    [Fact]
    public void A_notification_without_a_contract_goes_out_as_an_unknown_one_of_its_kind()
    {
        var mapper = new NotificationMapper(StandardNotifications.Contracts(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var info = Assert.IsType<UnknownNotificationInfo>(mapper.ToInfo(new Undeclared(3)));
        Assert.Equal("Undeclared", info.Kind);
    }

    private sealed record Undeclared(int Number) : Notification;
}
