using System.Text.RegularExpressions;

namespace AdStudio.Tests.Support;

/// <summary>Everything the server sent on one raw connection, and how the connection ended.</summary>
public sealed partial record RawAnswer(string Text, RawEnding Ending)
{
    /// <summary>The status code of each response on the connection, in order.</summary>
    public IReadOnlyList<int> Statuses =>
        [.. StatusLine().Matches(Text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Asserts the connection carried exactly one response with <paramref name="status"/>, as problem details naming that status.</summary>
    public void IsProblem(int status)
    {
        Assert.Equal([status], Statuses);
        Assert.Matches(ProblemContentType(), Text);
        Assert.Contains($"\"status\":{status}", Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^HTTP/1\.1 (\d{3}) ", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"(?im)^Content-Type: application/problem\+json")]
    private static partial Regex ProblemContentType();
}
