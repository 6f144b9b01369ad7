using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>Checks a compare request field by field and turns it into the engine's inputs.</summary>
public static class CompareRequestReader
{
    public static (ArmMoments Control, ArmMoments Treatment, CompareOptions Options)? Read(CompareRequest request, Dictionary<string, string[]> errors)
    {
        var type = request.MetricType switch
        {
            "proportion" => MetricType.Proportion,
            "mean" => MetricType.Mean,
            _ => (MetricType?)null,
        };
        if (type is null)
        {
            errors["metricType"] = ["metricType must be \"proportion\" or \"mean\"."];
        }

        var difference = request.Difference switch
        {
            null or "relative" => DifferenceType.Relative,
            "absolute" => DifferenceType.Absolute,
            _ => Fail<DifferenceType>(errors, "difference", "difference must be \"relative\" or \"absolute\"."),
        };
        var alternative = request.Alternative switch
        {
            null or "two-sided" => Alternative.TwoSided,
            "greater" => Alternative.Greater,
            "less" => Alternative.Less,
            _ => Fail<Alternative>(errors, "alternative", "alternative must be \"two-sided\", \"greater\" or \"less\"."),
        };
        var alpha = request.Alpha ?? 0.05;
        if (!(alpha >= StatsLimits.MinAlpha && alpha <= StatsLimits.MaxAlpha))
        {
            errors["alpha"] = [$"alpha must be greater than 0 (at least {StatsLimits.MinAlpha}, below which no interval is finite) and at most {StatsLimits.MaxAlpha}."];
        }

        var tuning = request.SequentialTuning ?? 5000;
        if (!(tuning >= 1 && tuning <= StatsLimits.MaxSequentialTuning))
        {
            errors["sequentialTuning"] = [$"sequentialTuning (N*, the expected total units) must be at least 1 and at most {StatsLimits.MaxSequentialTuning}."];
        }

        var control = type is { } t1 ? Arm(request.Control, "control", t1, errors) : null;
        var treatment = type is { } t2 ? Arm(request.Treatment, "treatment", t2, errors) : null;
        if (control is { } controlMoments && difference == DifferenceType.Relative && controlMoments.Mean == 0 && !errors.Keys.Any(k => k.StartsWith("control", StringComparison.Ordinal)))
        {
            errors["control.sum"] = ["The control mean is zero, so a relative difference is undefined; use \"difference\": \"absolute\"."];
        }

        if (errors.Count > 0 || control is null || treatment is null)
        {
            return null;
        }

        return (control.Value, treatment.Value, new CompareOptions(alpha, alternative, difference, request.Sequential ?? false, tuning));
    }

    private static ArmMoments? Arm(ArmInput? arm, string name, MetricType type, Dictionary<string, string[]> errors)
    {
        if (arm is null)
        {
            errors[name] = [$"{name} is required: {{\"n\", \"sum\"{(type == MetricType.Mean ? ", \"sumSquares\"" : "")}}}."];
            return null;
        }

        var before = errors.Count;
        if (arm.N is not { } units)
        {
            errors[$"{name}.n"] = ["n is required."];
        }
        else if (units < 2)
        {
            errors[$"{name}.n"] = [units < 0 ? "n cannot be negative." : "n must be at least 2."];
        }
        else if (units > StatsLimits.MaxUnitsPerArm)
        {
            errors[$"{name}.n"] = [$"n is at most {StatsLimits.MaxUnitsPerArm:N0}."];
        }

        if (arm.Sum is not { } sum || !double.IsFinite(sum))
        {
            errors[$"{name}.sum"] = ["sum is required and must be a finite number."];
        }
        else if (type == MetricType.Proportion && (sum < 0 || (arm.N is { } total && sum > total)))
        {
            errors[$"{name}.sum"] = ["For a proportion, sum counts the converted units: between 0 and n."];
        }

        if (type == MetricType.Mean)
        {
            if (arm.SumSquares is not { } squares || !double.IsFinite(squares) || squares < 0)
            {
                errors[$"{name}.sumSquares"] = ["sumSquares is required for a mean and cannot be negative."];
            }
            else if (arm.N is { } count and >= 2 && arm.Sum is { } armSum && squares < (armSum * armSum / count) * (1 - 1e-9))
            {
                errors[$"{name}.sumSquares"] = ["sumSquares is smaller than sum²/n, which no data can produce."];
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        var stats = new SampleStats(arm.N!.Value, arm.Sum!.Value, type == MetricType.Mean ? arm.SumSquares!.Value : arm.Sum.Value);
        return type == MetricType.Mean ? ArmMoments.OfMean(stats) : ArmMoments.OfProportion(stats);
    }

    private static T Fail<T>(Dictionary<string, string[]> errors, string field, string message)
        where T : struct
    {
        errors[field] = [message];
        return default;
    }
}
