namespace AdStudio.Core.Experiments.Stats;

/// <summary>
/// Holm's step-down adjustment of the p-values of several comparisons with control: it controls the
/// family-wise error rate like Bonferroni but rejects more.
/// </summary>
public static class HolmCorrection
{
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var i = order[rank];
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }

        return adjusted;
    }
}
