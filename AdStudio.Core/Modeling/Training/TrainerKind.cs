namespace AdStudio.Core.Modeling.Training;

/// <summary>The ML.NET trainers a run compares.</summary>
public static class TrainerKind
{
    public const string LogisticRegression = "logistic_regression";
    public const string FieldAwareFactorizationMachine = "ffm";
    public const string FastTree = "fast_tree";
    public const string LightGbm = "lightgbm";

    public static IReadOnlyList<string> All { get; } = [LogisticRegression, FieldAwareFactorizationMachine, FastTree, LightGbm];
}
