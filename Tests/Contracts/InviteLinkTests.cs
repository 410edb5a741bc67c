using Ikosa.Contracts;
using Ikosa.Host.Security;

namespace Ikosa.Tests.Contracts;

/// <summary>The invite a game master hands out: one line, read back exactly, and anything else refused with a reason.</summary>
public class InviteLinkTests
{
    private const string Hex = "3567D4C7CA35011ED753565CB909EB7C6D6AA25DA2988D0249C02FB6EC5B83F4";

    [Fact]
    public void An_invite_names_the_host_its_certificate_and_the_user_and_reads_back_the_same()
    {
        var invite = new InviteLink("gm-laptop", 8765, InviteLink.DefaultPath, CertificateFingerprint.Parse(Hex), "alice");

        Assert.Equal($"ikosa://gm-laptop:8765/?fp=SHA256:{Hex}&user=alice", invite.ToString());
        Assert.Equal(invite, InviteLink.Parse(invite.ToString()));
        Assert.Equal(new Uri("net.tcp://gm-laptop:8765/ikosa/"), invite.BaseAddress);
    }

    [Theory]
    [InlineData("net.tcp://[fd00::2]:9000/games/one/", "[fd00::2]", 9000, "/games/one/")]
    [InlineData("net.tcp://192.168.1.20:8765/ikosa/", "192.168.1.20", 8765, "/ikosa/")]
    public void An_invite_for_any_base_address_reads_back_to_it(string baseAddress, string host, int port, string path)
    {
        var invite = InviteLink.For(new Uri(baseAddress), CertificateFingerprint.Parse(Hex), "bob.b");

        var read = InviteLink.Parse(invite.ToString());

        Assert.Equal((host, port, path, "bob.b"), (read.Host, read.Port, read.Path, read.User));
        Assert.Equal(new Uri(baseAddress), read.BaseAddress);
    }

    [Fact]
    public void A_fingerprint_is_read_in_the_forms_people_copy_it()
    {
        var colons = string.Join(':', Enumerable.Range(0, 32).Select(i => Hex.Substring(i * 2, 2).ToLowerInvariant()));

        Assert.Equal(Hex, CertificateFingerprint.Parse(colons).Hex);
        Assert.Equal(Hex, CertificateFingerprint.Parse("sha256:" + Hex).Hex);
        Assert.Equal(CertificateFingerprint.Parse(Hex), CertificateFingerprint.Parse(" SHA256:" + Hex + " "));
        Assert.False(CertificateFingerprint.TryParse(Hex[..40], out _));
    }

    [Fact]
    public void An_invite_without_fingerprint_is_for_plain_net_tcp()
    {
        var invite = InviteLink.Parse("ikosa://gm-laptop/?user=carol");

        Assert.Null(invite.Fingerprint);
        Assert.Equal(InviteLink.DefaultPort, invite.Port);
        Assert.Equal("ikosa://gm-laptop:8765/?user=carol", invite.ToString());
    }

    [Theory]
    [InlineData("net.tcp://gm-laptop:8765/ikosa/", "starts with ikosa://")]
    [InlineData("ikosa://gm-laptop:8765/?fp=SHA256:" + Hex, "names no user")]
    [InlineData("ikosa://gm-laptop:8765/?fp=SHA256:3567D4C7&user=alice", "the invite was cut or changed")]
    [InlineData("ikosa://gm-laptop:8765/?fp=SHA256:" + Hex + "&user=alice&password=x", "'password' is not something an invite says")]
    [InlineData("ikosa://gm-laptop:8765/?user=alice&user=bob", "is said twice")]
    [InlineData("ikosa://gm-laptop:8765/?user=al%1Bice", "names no user")]
    [InlineData("not an invite", "starts with ikosa://")]
    public void Anything_else_is_refused_saying_why(string written, string why)
    {
        var error = Assert.Throws<FormatException>(() => InviteLink.Parse(written));

        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void A_one_time_code_is_twelve_unambiguous_characters_read_back_however_it_is_typed()
    {
        var codes = Enumerable.Range(0, 50).Select(_ => OneTimeCode.New()).ToList();

        Assert.All(codes, code => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal("K7QM2X9DHT41", OneTimeCode.Normalize("k7qm 2x9d-ht4l"));
        Assert.Equal("0000111100AB", OneTimeCode.Normalize("OOOO-IIII-ooab"));
        Assert.Null(OneTimeCode.Normalize("K7QM-2X9D-HT4"));
        Assert.Null(OneTimeCode.Normalize("K7QM-2X9D-HT4U"));
        Assert.Null(OneTimeCode.Normalize("K7QM-2X9D-HT4R-A"));
    }
}
