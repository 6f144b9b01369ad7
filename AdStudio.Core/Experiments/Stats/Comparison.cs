namespace AdStudio.Core.Experiments.Stats;

/// <summary>Compares a treatment arm with control: frequentist (fixed-horizon or sequential) and Bayesian summaries together.</summary>
public static class Comparison
{
    public static ComparisonResult Compare(ArmMoments control, ArmMoments treatment, CompareOptions options)
    {
        Check(control.N, treatment.N, options);
        if (options.Difference == DifferenceType.Relative && control.Mean == 0)
        {
            throw new StatsInputException("The control mean is zero, so a relative effect is undefined; use an absolute difference.");
        }

        return Evaluate(EffectEstimate.Between(control, treatment, options.Difference), options);
    }

    public static ComparisonResult Compare(CupedStats control, CupedStats treatment, CompareOptions options)
    {
        Check(control.N, treatment.N, options);
        if (options.Difference == DifferenceType.Relative && control.Post.Mean == 0)
        {
            throw new StatsInputException("The control mean is zero, so a relative effect is undefined; use an absolute difference.");
        }

        return Evaluate(CupedEstimate.Between(control, treatment, options.Difference), options);
    }

    /// <summary>Turns an effect estimate into intervals, p-value, chance to win and risks.</summary>
    public static ComparisonResult Evaluate(EffectEstimate estimate, CompareOptions options)
    {
        var warnings = new List<string>();
        if (!(estimate.Variance > 0))
        {
            warnings.Add("The estimate has no measurable uncertainty yet (for example an arm without any conversions); collect more data before reading it.");
            var certain = BayesianSummary.Of(estimate);
            return new ComparisonResult(estimate.Effect, estimate.Effect, estimate.Effect, 0, 1, certain.ChanceToWin, certain.RiskOfTreatment, certain.RiskOfControl, warnings);
        }

        var (low, high, p) = options.Sequential
            ? SequentialTest.Evaluate(estimate, options.Alpha, options.Alternative, options.SequentialTuning)
            : FixedHorizonTest.Evaluate(estimate, options.Alpha, options.Alternative);
        var bayes = BayesianSummary.Of(estimate);
        if (estimate.TotalUnits < 100)
        {
            warnings.Add($"Only {estimate.TotalUnits} units in total: the normal approximation behind these numbers is rough.");
        }

        return new ComparisonResult(estimate.Effect, low, high, estimate.StandardError, p, bayes.ChanceToWin, bayes.RiskOfTreatment, bayes.RiskOfControl, warnings);
    }

    private static void Check(long controlN, long treatmentN, CompareOptions options)
    {
        if (controlN < 2 || treatmentN < 2)
        {
            throw new StatsInputException($"Each arm needs at least 2 units (control has {controlN}, treatment {treatmentN}).");
        }

        if (!(options.Alpha > 0 && options.Alpha <= 0.5))
        {
            throw new StatsInputException($"alpha must be in (0, 0.5]; it is {options.Alpha}.");
        }

        if (options.Sequential && !(options.SequentialTuning >= 1))
        {
            throw new StatsInputException("The sequential tuning parameter N* must be at least 1.");
        }
    }
}
