namespace AdStudio.Core.Experiments;

/// <summary>What a campaign manager fills in to create an experiment; the first arm is the control; a null primary metric means the default for the campaign's objective.</summary>
public sealed record ExperimentDraft(
    int CampaignId,
    string Name,
    string? Hypothesis,
    IReadOnlyList<ArmDraft> Arms,
    double Alpha = 0.05,
    bool Sequential = true,
    double SequentialTuning = 5000,
    bool UseCuped = true,
    double MinimumDetectableEffect = 0.1,
    long? PlannedUnitsPerVariant = null,
    string? PrimaryMetric = null);
