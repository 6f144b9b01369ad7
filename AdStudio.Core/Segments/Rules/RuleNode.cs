namespace AdStudio.Core.Segments.Rules;

/// <summary>A parsed segment rule: groups of conditions joined by AND (<c>all</c>) or OR (<c>any</c>).</summary>
public abstract record RuleNode;

public sealed record AllOf(IReadOnlyList<RuleNode> Children) : RuleNode;

public sealed record AnyOf(IReadOnlyList<RuleNode> Children) : RuleNode;

public sealed record NumberCondition(string Field, string Operator, double Value) : RuleNode;

public sealed record InterestCondition(string Category, string Operator, double Value) : RuleNode;

public sealed record ListCondition(string Field, bool Negated, IReadOnlyList<string> Values) : RuleNode;
