namespace Ikosa.Host.Campaigns;

/// <summary>"Did you mean …?": the known name closest to what was typed, if one is close enough to be a likely typo.</summary>
public static class Suggestions
{
    /// <summary>The candidate equal to <paramref name="given"/> but for case, else the nearest by edit distance, else null.</summary>
    public static string? Closest(string given, IEnumerable<string> candidates)
    {
        var list = candidates.Distinct(StringComparer.Ordinal).ToList();
        if (list.FirstOrDefault(c => string.Equals(c, given, StringComparison.OrdinalIgnoreCase)) is { } sameButCase)
            return sameButCase;
        var allowed = Math.Max(2, given.Length / 3);
        return list
            .Select(c => (Candidate: c, Distance: Distance(given.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .FirstOrDefault();
    }

    /// <summary>" did you mean `x`?" or, with nothing close, the known names (when few) or nothing.</summary>
    public static string Hint(string given, IEnumerable<string> candidates, bool listWhenNoneClose = true)
    {
        var list = candidates.ToList();
        if (Closest(given, list) is { } closest)
            return $"; did you mean `{closest}`?";
        if (listWhenNoneClose && list.Count is > 0 and <= 12)
            return "; use one of " + string.Join(", ", list.Select(c => $"`{c}`"));
        return "";
    }

    /// <summary>Levenshtein distance (insert, delete, replace), with adjacent swaps counted as one.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
