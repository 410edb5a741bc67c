using System.Collections;
using System.Globalization;
using System.Runtime.Serialization;
using System.Text;

namespace Ikosa.Tests.EndToEnd.Fuzz;

/// <summary>An argument as a failure message shows it: short, with control characters escaped and ids named.</summary>
public static class ArgumentText
{
    private const int ShownCharacters = 24;
    private const int ShownItems = 3;

    public static string Show(object? value, FuzzWorld world) => value switch
    {
        null => "null",
        string text => Quote(text),
        Guid id => world.Describe(id),
        IList list => "[" + string.Join(", ", list.Cast<object?>().Take(ShownItems).Select(v => Show(v, world)))
            + (list.Count > ShownItems ? $", ... {list.Count} items" : "") + "]",
        _ when value.GetType().IsDefined(typeof(DataContractAttribute), inherit: false) =>
            value.GetType().Name + "{" + string.Join(", ", FuzzArguments.Members(value.GetType()).Select(m => $"{m.Name}={Show(m.GetValue(value), world)}")) + "}",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };

    private static string Quote(string text)
    {
        var shown = new StringBuilder("\"");
        foreach (var c in text.Take(ShownCharacters))
            shown.Append(char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString());
        shown.Append('"');
        return text.Length > ShownCharacters ? $"{shown}... ({text.Length} chars)" : shown.ToString();
    }
}
