namespace AdStudio.Core.Experiments.Stats;

/// <summary>
/// Holm's step-down adjustment of the p-values of several comparisons with control: it controls the
/// family-wise error rate like Bonferroni but rejects more.
/// </summary>
public static class HolmCorrection
{
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var tests = pValues.Count;
        var order = Enumerable.Range(0, tests).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[tests];
        var running = 0.0;
        for (var rank = 0; rank < tests; rank++)
        {
            var i = order[rank];
            running = Math.Max(running, Math.Min(1, (tests - rank) * pValues[i]));
            adjusted[i] = running;
        }

        return adjusted;
    }
}
