namespace AdStudio.Core.Segments.Rules;

/// <summary>Compiles a parsed rule into a predicate over audience rows, once, so counting 100,000 rows is a tight loop.</summary>
public static class RuleEvaluator
{
    public static Func<AudienceRow, bool> Compile(RuleNode rule, IReadOnlyDictionary<string, int> categoryIndex) => rule switch
    {
        AllOf all => AllOfCompiled([.. all.Children.Select(c => Compile(c, categoryIndex))]),
        AnyOf any => AnyOfCompiled([.. any.Children.Select(c => Compile(c, categoryIndex))]),
        NumberCondition n => Number(RuleFields.Numbers[n.Field], n.Operator, n.Value),
        InterestCondition i => Interest(categoryIndex.TryGetValue(i.Category, out var index) ? index : -1, i.Operator, i.Value),
        ListCondition l => List(RuleFields.Lists[l.Field], l.Negated, new HashSet<string>(l.Values, StringComparer.OrdinalIgnoreCase)),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown rule node."),
    };

    private static Func<AudienceRow, bool> AllOfCompiled(Func<AudienceRow, bool>[] parts) => row =>
    {
        foreach (var p in parts)
        {
            if (!p(row))
            {
                return false;
            }
        }

        return true;
    };

    private static Func<AudienceRow, bool> AnyOfCompiled(Func<AudienceRow, bool>[] parts) => row =>
    {
        foreach (var p in parts)
        {
            if (p(row))
            {
                return true;
            }
        }

        return false;
    };

    private static Func<AudienceRow, bool> Number(Func<AudienceRow, double?> read, string op, double value)
    {
        var compare = Comparer(op);
        return row => read(row) is { } actual && compare(actual, value);
    }

    // A category nobody has shown interest in reads as interest 0 for everyone.
    private static Func<AudienceRow, bool> Interest(int index, string op, double value)
    {
        var compare = Comparer(op);
        return row => compare(index >= 0 ? row.Interests[index] : 0, value);
    }

    private static Func<AudienceRow, bool> List(Func<AudienceRow, IEnumerable<string?>> read, bool negated, HashSet<string> values) =>
        row => read(row).Any(v => v is not null && values.Contains(v)) != negated;

    private static Func<double, double, bool> Comparer(string op) => op switch
    {
        ">" => (a, b) => a > b,
        ">=" => (a, b) => a >= b,
        "<" => (a, b) => a < b,
        "<=" => (a, b) => a <= b,
        "=" => (a, b) => Math.Abs(a - b) < 1e-9,
        "!=" => (a, b) => Math.Abs(a - b) >= 1e-9,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown operator."),
    };
}
