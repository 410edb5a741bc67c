using System.Net;
using Ikosa.ServiceModel.Server;

namespace Ikosa.Tests.ServiceModel.Hostile;

public sealed class PerAddressCountsTests
{
    private static readonly IPAddress A = IPAddress.Parse("10.0.0.1"), B = IPAddress.Parse("10.0.0.2");

    [Fact]
    public void An_address_over_its_share_is_refused_without_taking_from_the_total()
    {
        var counts = new PerAddressCounts();

        Assert.Equal(AddressAdmission.Admitted, counts.TryAdd(A, perAddressLimit: 2, totalLimit: 3));
        Assert.Equal(AddressAdmission.Admitted, counts.TryAdd(A, 2, 3));
        Assert.Equal(AddressAdmission.AddressFull, counts.TryAdd(A, 2, 3));
        Assert.Equal(AddressAdmission.Admitted, counts.TryAdd(B, 2, 3));
        Assert.Equal(AddressAdmission.TotalFull, counts.TryAdd(B, 2, 3));
        Assert.Equal(3, counts.Total);

        counts.Remove(A);
        Assert.Equal(AddressAdmission.Admitted, counts.TryAdd(B, 2, 3));
        Assert.Equal(1, counts.CountOf(A));
        Assert.Equal(2, counts.CountOf(B));
    }

    [Fact]
    public void Addresses_holding_nothing_are_forgotten_and_extra_removals_change_nothing()
    {
        var counts = new PerAddressCounts();
        counts.TryAdd(A, 1);

        counts.Remove(A);
        counts.Remove(A);

        Assert.Equal(0, counts.Total);
        Assert.Equal(0, counts.CountOf(A));
    }
}
