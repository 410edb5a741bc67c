using Ikosa.ServiceModel.Configuration;

namespace Ikosa.Tests.ServiceModel.Configuration;

/// <summary>Whatever damage a hand-edited file suffers, reading it either succeeds or fails with a ConfigurationErrorsException.</summary>
public class MutatedConfigurationTests
{
    private static readonly string[] Insertions =
        ["<", ">", "\"", "/", "=", " ", "0", "-1", "x", "&amp;", "\0", "net.tcp://", "00:00:00", "Infinite", "\n", "<x/>"];

    [Fact]
    public void A_damaged_config_is_read_or_refused_clearly_never_crashes()
    {
        // A fixed seed keeps the test deterministic; 2000 edits cover every line of the file many times.
        var random = new Random(20240611);
        var refused = 0;
        for (var attempt = 0; attempt < 2000; attempt++)
        {
            var xml = Mutate(ServiceModelSectionTests.FullConfig, random);
            try
            {
                ServiceModelSection.Parse(xml);
            }
            catch (ConfigurationErrorsException error)
            {
                Assert.StartsWith("app.config", error.Message);
                refused++;
            }
            catch (Exception other)
            {
                Assert.Fail($"{other.GetType().Name}: {other.Message}\nfor:\n{xml}");
            }
        }
        Assert.InRange(refused, 1000, 2000);
    }

    private static string Mutate(string text, Random random)
    {
        var start = random.Next(text.Length);
        var removed = Math.Min(random.Next(8), text.Length - start);
        var inserted = Insertions[random.Next(Insertions.Length)];
        return text.Remove(start, removed).Insert(start, inserted);
    }
}
