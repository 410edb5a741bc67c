using Ikosa.Host.Network;
using Ikosa.Host.Startup;

namespace Ikosa.Tests.Host.Network;

/// <summary>The host's network settings in the configuration file's appSettings, as strict as the rest of it.</summary>
public sealed class HostSettingsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ikosa-settings-{Guid.NewGuid():N}.config");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void The_configuration_may_say_where_to_listen_and_the_command_line_overrides_it()
    {
        Write("""
              <appSettings>
                <add key="listen" value="* , localhost:9001" />
                <add key="insecure" value="true" />
              </appSettings>
              """);

        var configured = HostSettings.Load(_file);

        Assert.Equal(["0.0.0.0", "localhost:9001"], configured.Listen.Select(l => l.ToString()));
        Assert.True(configured.Insecure);
        Assert.False(configured.InsecurePasswords);
        var fromCommandLine = new NetworkOptions { Listen = [ListenAddress.Parse("10.0.0.1")] }.Over(configured);
        Assert.Equal(["10.0.0.1"], fromCommandLine.Listen.Select(l => l.ToString()));
        Assert.True(fromCommandLine.Insecure);
        Assert.Equal(2, new NetworkOptions().Over(configured).Listen.Count);
    }

    [Theory]
    [InlineData("<add key=\"listn\" value=\"*\" />", "line 4: <appSettings> takes")]
    [InlineData("<add key=\"insecure\" value=\"yes\" />", "line 4: 'yes' is neither true nor false")]
    [InlineData("<add key=\"listen\" value=\"gm-laptop\" />", "line 4: Cannot listen on 'gm-laptop'")]
    public void A_wrong_setting_stops_the_start_naming_the_file_and_line(string setting, string expected)
    {
        Write($"""
               <appSettings>
                 {setting}
               </appSettings>
               """);

        var error = Assert.Throws<HostStartException>(() => HostSettings.Load(_file));

        Assert.Contains(Path.GetFileName(_file), error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_shipped_configuration_says_nothing_so_the_host_listens_where_its_endpoints_say()
    {
        Assert.Equal(HostSettings.None, HostSettings.Load(Path.Combine(AppContext.BaseDirectory, "ikosa.config")));
    }

    private void Write(string appSettings) =>
        File.WriteAllText(_file, $"<?xml version=\"1.0\"?>\n<configuration>\n{appSettings}\n</configuration>\n");
}
