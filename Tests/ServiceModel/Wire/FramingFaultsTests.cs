using Ikosa.ServiceModel;
using Ikosa.ServiceModel.Framing;

namespace Ikosa.Tests.ServiceModel.Wire;

public class FramingFaultsTests
{
    private const string Via = "net.tcp://localhost:8808/echo";

    [Fact]
    public void Every_fault_uri_parses_back_to_its_fault()
    {
        foreach (var fault in Enum.GetValues<FramingFault>())
        {
            Assert.True(FramingFaults.TryParse(FramingFaults.ToUri(fault), out var parsed));
            Assert.Equal(fault, parsed);
        }
        Assert.False(FramingFaults.TryParse("http://schemas.microsoft.com/ws/2006/05/framing/faults/MaxMessageSizeExceeded", out _));
        Assert.False(FramingFaults.TryParse("", out _));
    }

    [Theory]
    [InlineData(FramingFault.EndpointNotFound, typeof(EndpointNotFoundException))]
    [InlineData(FramingFault.ServerTooBusy, typeof(ServerTooBusyException))]
    [InlineData(FramingFault.MaxMessageSizeExceeded, typeof(QuotaExceededException))]
    [InlineData(FramingFault.ContentTypeInvalid, typeof(ProtocolException))]
    [InlineData(FramingFault.ContentTypeTooLong, typeof(ProtocolException))]
    [InlineData(FramingFault.UnsupportedMode, typeof(ProtocolException))]
    [InlineData(FramingFault.UnsupportedVersion, typeof(ProtocolException))]
    [InlineData(FramingFault.UpgradeInvalid, typeof(ProtocolException))]
    [InlineData(FramingFault.ViaTooLong, typeof(ProtocolException))]
    public void Faults_become_the_exceptions_the_wcf_client_raises(FramingFault fault, Type expected)
    {
        var exception = FramingFaults.ToException(FramingFaults.ToUri(fault), Via);
        Assert.IsType(expected, exception);
        Assert.False(string.IsNullOrWhiteSpace(exception.Message));
    }

    [Fact]
    public void The_endpoint_not_found_message_names_the_address()
    {
        Assert.Contains(Via, FramingFaults.ToException(FramingFaults.ToUri(FramingFault.EndpointNotFound), Via).Message);
    }

    [Fact]
    public void An_unknown_fault_uri_is_a_protocol_exception_naming_it()
    {
        var exception = FramingFaults.ToException("urn:something-else", Via);
        Assert.IsType<ProtocolException>(exception);
        Assert.Contains("urn:something-else", exception.Message);
    }
}
