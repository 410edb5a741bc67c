using Ikosa.ServiceModel;

namespace Ikosa.Tests.ServiceModel.Configuration;

public class NetTcpBindingTests
{
    [Fact]
    public void Defaults_follow_wcf_except_security_and_the_hardened_preamble_deadline()
    {
        var binding = new NetTcpBinding();

        Assert.Equal("NetTcpBinding", binding.Name);
        Assert.Equal("net.tcp", binding.Scheme);
        Assert.Equal(TimeSpan.FromMinutes(1), binding.OpenTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), binding.CloseTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), binding.SendTimeout);
        Assert.Equal(TimeSpan.FromMinutes(10), binding.ReceiveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), binding.ChannelInitializationTimeout); // WCF: 30 s
        Assert.Equal(8, binding.MaxPendingConnectionsPerAddress); // ours
        Assert.Equal(65536, binding.MaxReceivedMessageSize);
        Assert.Equal(65536, binding.MaxBufferSize);
        Assert.Equal(10, binding.MaxConnections);
        Assert.Equal(10, binding.ListenBacklog);
        Assert.Equal(32, binding.ReaderQuotas.MaxDepth);
        Assert.Equal(8192, binding.ReaderQuotas.MaxStringContentLength);
        Assert.Equal(SecurityMode.None, binding.Security.Mode);
        Assert.Equal(TcpClientCredentialType.None, binding.Security.Transport.ClientCredentialType);
        binding.Validate();
    }

    [Fact]
    public void Security_mode_can_be_chosen_at_construction()
    {
        Assert.Equal(SecurityMode.Transport, new NetTcpBinding(SecurityMode.Transport).Security.Mode);
    }

    [Fact]
    public void Setters_refuse_non_positive_values_and_keep_the_old_one()
    {
        var binding = new NetTcpBinding();

        Assert.Throws<ArgumentOutOfRangeException>(() => binding.SendTimeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => binding.ReceiveTimeout = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => binding.MaxReceivedMessageSize = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => binding.MaxBufferSize = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => binding.MaxConnections = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => binding.ListenBacklog = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => binding.Security.Mode = (SecurityMode)7);

        Assert.Equal(TimeSpan.FromMinutes(1), binding.SendTimeout);
        Assert.Equal(TimeSpan.FromMinutes(10), binding.ReceiveTimeout);
        Assert.Equal(65536, binding.MaxReceivedMessageSize);
        Assert.Equal(SecurityMode.None, binding.Security.Mode);
    }

    [Fact]
    public void Max_buffer_size_follows_max_received_message_size_until_set()
    {
        var binding = new NetTcpBinding { MaxReceivedMessageSize = 1_000_000 };
        Assert.Equal(1_000_000, binding.MaxBufferSize);
        binding.Validate();

        binding.MaxBufferSize = 4096;
        var error = Assert.Throws<InvalidOperationException>(binding.Validate);
        Assert.Contains("MaxBufferSize (4096) must equal MaxReceivedMessageSize (1000000)", error.Message);
    }

    [Fact]
    public void Validate_refuses_a_message_size_beyond_int_range()
    {
        var binding = new NetTcpBinding { MaxReceivedMessageSize = int.MaxValue + 1L };
        var error = Assert.Throws<InvalidOperationException>(binding.Validate);
        Assert.Contains("must not exceed", error.Message);
    }

    [Fact]
    public void Infinite_and_overlong_timeouts_become_infinite_timer_delays()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, NetTcpBinding.ToTimerDelay(NetTcpBinding.InfiniteTimeout));
        Assert.Equal(Timeout.InfiniteTimeSpan, NetTcpBinding.ToTimerDelay(TimeSpan.FromDays(30)));
        Assert.Equal(TimeSpan.FromMinutes(10), NetTcpBinding.ToTimerDelay(TimeSpan.FromMinutes(10)));
        using var cancellation = new CancellationTokenSource();
        cancellation.CancelAfter(NetTcpBinding.ToTimerDelay(NetTcpBinding.InfiniteTimeout));
        Assert.False(cancellation.IsCancellationRequested);
    }

    [Fact]
    public void Clone_is_independent()
    {
        var original = new NetTcpBinding(SecurityMode.Transport) { Name = "game", MaxReceivedMessageSize = 1000, ReceiveTimeout = TimeSpan.FromHours(1) };
        original.ReaderQuotas.MaxDepth = 7;

        var copy = original.Clone();
        copy.ReceiveTimeout = TimeSpan.FromSeconds(5);
        copy.ReaderQuotas.MaxDepth = 99;
        copy.Security.Mode = SecurityMode.None;

        Assert.Equal("game", copy.Name);
        Assert.Equal(1000, copy.MaxReceivedMessageSize);
        Assert.Equal(1000, copy.MaxBufferSize);
        Assert.Equal(TimeSpan.FromHours(1), original.ReceiveTimeout);
        Assert.Equal(7, original.ReaderQuotas.MaxDepth);
        Assert.Equal(SecurityMode.Transport, original.Security.Mode);
    }

    [Fact]
    public void Endpoint_address_accepts_net_tcp_and_defaults_the_port_to_808()
    {
        var address = new EndpointAddress("net.tcp://gm-laptop/Ikosa/Login");

        Assert.Equal("gm-laptop", address.Uri.Host);
        Assert.Equal(808, address.Uri.Port);
        Assert.Equal(new EndpointAddress("net.tcp://gm-laptop:808/Ikosa/Login"), address);
    }

    [Theory]
    [InlineData("http://gm-laptop/Ikosa")]
    [InlineData("net.pipe://localhost/Ikosa")]
    public void Endpoint_address_refuses_other_schemes(string uri)
    {
        var error = Assert.Throws<ArgumentException>(() => new EndpointAddress(uri));
        Assert.Contains("not a net.tcp address", error.Message);
    }

    [Fact]
    public void Endpoint_address_refuses_a_relative_uri()
    {
        Assert.Throws<UriFormatException>(() => new EndpointAddress("Ikosa/Login"));
    }
}
