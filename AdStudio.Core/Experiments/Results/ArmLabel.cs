using System.Text.RegularExpressions;

namespace AdStudio.Core.Experiments.Results;

/// <summary>Names an arm for people: the manager's name, or the creative's name where the arm kept the form's placeholder.</summary>
public static partial class ArmLabel
{
    public static string Of(string armName, string? creativeName)
    {
        var name = armName.Trim();
        return (name.Length == 0 || Placeholder().IsMatch(name)) && !string.IsNullOrWhiteSpace(creativeName) ? creativeName.Trim() : name;
    }

    /// <summary>"Control", "Treatment", "Treatment 2", "Variant B": role words that say nothing about what is tested.</summary>
    [GeneratedRegex(@"^(control|treatment|variant|arm)( ?[0-9a-z])?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
