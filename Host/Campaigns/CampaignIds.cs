using System.Text;
using System.Text.RegularExpressions;
using Ikosa.Engine.Model;

namespace Ikosa.Host.Campaigns;

/// <summary>
/// How a campaign's names become stable ids: <c>KEY:slug</c>, where KEY is the campaign's key and the slug is the name in
/// lower case with dashes ("Goblin 1" is <c>goblin-1</c>). The same folder always makes the same ids.
/// </summary>
public static partial class CampaignIds
{
    public static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().TrimEnd('-');
    }

    public static EntityId Creature(string key, string name) => EntityId.Named($"{key}:{Slug(name)}");

    public static EntityId Scene(string key, string name) => EntityId.Named($"{key}:scene:{Slug(name)}");

    /// <summary>User names as the login accepts them: 1 to 32 letters, digits, '.', '-' or '_'.</summary>
    public static bool IsUserName(string name) => UserName().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex UserName();
}
