using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace Ikosa.Engine.Workflow.Dice;

/// <summary>A group of identical dice, e.g. the 2d6 in "2d6+3".</summary>
public readonly record struct DiceTerm(int Count, int Sides);

/// <summary>
/// A roll such as "1d20+5" or "2d6+1d4-1": groups of dice plus a constant. Parsing is strict and
/// bounded (at most 100 dice of at most 1000 sides) so a bad expression is a clear error, never a hang.
/// </summary>
public sealed partial record DiceExpression(ImmutableList<DiceTerm> Terms, int Modifier)
{
    public const int MaxDice = 100;
    public const int MaxSides = 1000;

    public int DiceCount => Terms.Sum(t => t.Count);

    public static DiceExpression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression : throw new FormatException(error);

    public static bool TryParse(string? text, out DiceExpression expression, out string error)
    {
        expression = new DiceExpression(ImmutableList<DiceTerm>.Empty, 0);
        error = "";
        var compact = (text ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (compact.Length == 0 || compact.Length > 64 || !Shape().IsMatch(compact))
        {
            error = $"'{text}' is not a dice expression (like 1d20+5 or 2d6+1d4-1)";
            return false;
        }
        var terms = ImmutableList.CreateBuilder<DiceTerm>();
        var modifier = 0;
        foreach (Match part in Part().Matches(compact))
        {
            if (part.Length == 0) continue;
            var sign = part.Groups["sign"].Value == "-" ? -1 : 1;
            if (part.Groups["sides"].Success)
            {
                var count = part.Groups["count"].Value.Length == 0 ? 1 : int.Parse(part.Groups["count"].Value);
                var sides = int.Parse(part.Groups["sides"].Value);
                if (sign < 0 || count < 1 || sides < 2 || sides > MaxSides)
                {
                    error = $"'{text}': dice must be added, at least one, with 2 to {MaxSides} sides";
                    return false;
                }
                terms.Add(new DiceTerm(count, sides));
            }
            else
            {
                modifier += sign * int.Parse(part.Groups["count"].Value);
            }
        }
        if (terms.Sum(t => t.Count) > MaxDice)
        {
            error = $"'{text}' rolls more than {MaxDice} dice";
            return false;
        }
        expression = new DiceExpression(terms.ToImmutable(), modifier);
        return true;
    }

    /// <summary>The same dice rolled <paramref name="times"/> times over (a critical hit), and the constant multiplied too.</summary>
    public DiceExpression Times(int times) =>
        new(Terms.Select(t => t with { Count = t.Count * times }).ToImmutableList(), Modifier * times);

    public DiceExpression Plus(int modifier) => this with { Modifier = Modifier + modifier };

    /// <summary>The sides of each die in roll order, e.g. [6, 6, 4] for "2d6+1d4".</summary>
    public IEnumerable<int> DiceSides() => Terms.SelectMany(t => Enumerable.Repeat(t.Sides, t.Count));

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var term in Terms)
        {
            if (text.Length > 0) text.Append('+');
            text.Append(term.Count).Append('d').Append(term.Sides);
        }
        if (Modifier != 0 || text.Length == 0) text.Append(Modifier < 0 || text.Length == 0 ? "" : "+").Append(Modifier);
        return text.ToString();
    }

    public bool Equals(DiceExpression? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    [GeneratedRegex(@"^[+-]?(\d{0,3}d\d{1,4}|\d{1,4})([+-](\d{0,3}d\d{1,4}|\d{1,4}))*$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"(?<sign>[+-]?)(?<count>\d{0,4})(d(?<sides>\d{1,4}))?")]
    private static partial Regex Part();
}
