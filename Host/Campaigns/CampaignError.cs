namespace Ikosa.Host.Campaigns;

/// <summary>One thing wrong in a campaign folder, where it is and what to do: <c>file:line:column: message</c>.</summary>
public sealed record CampaignError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>Every error found while reading a campaign: all of them are reported, not just the first.</summary>
public sealed class CampaignErrors
{
    private readonly List<CampaignError> _errors = new();

    public bool Any => _errors.Count > 0;

    public int Count => _errors.Count;

    public void Add(string file, int line, int column, string message) => _errors.Add(new CampaignError(file, line, column, message));

    /// <summary>In file order: by file, then line, then column (stable for errors at the same place).</summary>
    public IReadOnlyList<CampaignError> Sorted() =>
        _errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column).ToList();
}

/// <summary>A campaign folder that cannot start: the errors, one per line of the message.</summary>
public sealed class CampaignCheckException(IReadOnlyList<CampaignError> errors)
    : Exception(string.Join(Environment.NewLine, errors) + Environment.NewLine + $"{errors.Count} error(s): the campaign was not started; fix them and run 'ikosa-host check' again.")
{
    public IReadOnlyList<CampaignError> Errors { get; } = errors;
}
