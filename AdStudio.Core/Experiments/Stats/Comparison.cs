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

    /// <summary>
    /// Turns an effect estimate into intervals, p-value, chance to win and risks. Inputs whose result would not be
    /// finite (sums near the edge of double precision, a control mean so small that the relative effect overflows)
    /// throw <see cref="StatsInputException"/> saying which number broke; nothing infinite or NaN is returned.
    /// </summary>
    public static ComparisonResult Evaluate(EffectEstimate estimate, CompareOptions options)
    {
        if (!double.IsFinite(estimate.Effect) || double.IsNaN(estimate.Variance) || double.IsPositiveInfinity(estimate.Variance))
        {
            throw new StatsInputException(
                $"The effect cannot be computed in finite numbers (effect {estimate.Effect}, variance {estimate.Variance}): the sums are too large, or the control mean too close to zero for a relative difference.");
        }

        ComparisonResult result;
        try
        {
            result = EvaluateFinite(estimate, options);
        }
        catch (ArgumentException ex) when (ex is not StatsInputException)
        {
            throw new StatsInputException($"The inputs are outside what the test distributions can evaluate: {ex.Message}", ex);
        }

        return CheckFinite(result);
    }

    private static ComparisonResult EvaluateFinite(EffectEstimate estimate, CompareOptions options)
    {
        var warnings = new List<string>();
        if (!(estimate.Variance > 0))
        {
            warnings.Add("The estimate has no measurable uncertainty yet (for example an arm without any conversions); collect more data before reading it.");
            var certain = BayesianSummary.Of(estimate);
            return new ComparisonResult(estimate.Effect, estimate.Effect, estimate.Effect, 0, 1, certain.ChanceToWin, certain.RiskOfTreatment, certain.RiskOfControl, warnings);
        }

        var (low, high, pValue) = options.Sequential
            ? SequentialTest.Evaluate(estimate, options.Alpha, options.Alternative, options.SequentialTuning)
            : FixedHorizonTest.Evaluate(estimate, options.Alpha, options.Alternative);
        var bayes = BayesianSummary.Of(estimate);
        if (estimate.TotalUnits < 100)
        {
            warnings.Add($"Only {estimate.TotalUnits} units in total: the normal approximation behind these numbers is rough.");
        }

        return new ComparisonResult(estimate.Effect, low, high, estimate.StandardError, pValue, bayes.ChanceToWin, bayes.RiskOfTreatment, bayes.RiskOfControl, warnings);
    }

    private static ComparisonResult CheckFinite(ComparisonResult result)
    {
        (string Name, double? Value)[] numbers =
        [
            ("effect", result.Effect), ("ciLow", result.CiLow), ("ciHigh", result.CiHigh), ("standardError", result.StandardError), ("pValue", result.PValue),
            ("chanceToWin", result.ChanceToWin), ("riskOfTreatment", result.RiskOfTreatment), ("riskOfControl", result.RiskOfControl),
        ];
        foreach (var (name, value) in numbers)
        {
            if (value is { } number && !double.IsFinite(number))
            {
                throw new StatsInputException($"The {name} of this comparison is not a finite number ({number}); the inputs are too extreme (huge sums, a tiny alpha or variance).");
            }
        }

        return result;
    }

    private static void Check(long controlN, long treatmentN, CompareOptions options)
    {
        if (controlN < 2 || treatmentN < 2)
        {
            throw new StatsInputException($"Each arm needs at least 2 units (control has {controlN}, treatment {treatmentN}).");
        }

        if (controlN > StatsLimits.MaxUnitsPerArm || treatmentN > StatsLimits.MaxUnitsPerArm)
        {
            throw new StatsInputException($"Each arm holds at most {StatsLimits.MaxUnitsPerArm:N0} units (control has {controlN}, treatment {treatmentN}).");
        }

        if (!(options.Alpha >= StatsLimits.MinAlpha && options.Alpha <= StatsLimits.MaxAlpha))
        {
            throw new StatsInputException($"alpha must be in [{StatsLimits.MinAlpha}, {StatsLimits.MaxAlpha}]; it is {options.Alpha}.");
        }

        if (options.Sequential && !(options.SequentialTuning >= 1 && options.SequentialTuning <= StatsLimits.MaxSequentialTuning))
        {
            throw new StatsInputException($"The sequential tuning parameter N* must be between 1 and {StatsLimits.MaxSequentialTuning}.");
        }
    }
}
