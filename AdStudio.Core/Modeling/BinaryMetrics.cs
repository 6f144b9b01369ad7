namespace AdStudio.Core.Modeling;

/// <summary>
/// How good predicted probabilities are, computed the same way for every model and for the simulator's oracle:
/// AUC (probability a random positive outranks a random negative, ties counting half), log loss in nats,
/// normalised entropy (log loss ÷ the entropy of the base rate; below 1 beats predicting the base rate) and
/// expected calibration error over ten equal-width bins.
/// </summary>
public sealed record BinaryMetrics(double Auc, double LogLoss, double NormalisedEntropy, double CalibrationError, double BaseRate, int Rows)
{
    public const int CalibrationBins = 10;
    private const double Epsilon = 1e-15;

    public static BinaryMetrics Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities)
    {
        if (labels.Count != probabilities.Count || labels.Count == 0)
        {
            throw new ArgumentException("Give one probability per label, and at least one.", nameof(probabilities));
        }

        var n = labels.Count;
        var positives = labels.Count(l => l);
        var baseRate = (double)positives / n;
        var logLoss = 0.0;
        for (var i = 0; i < n; i++)
        {
            var p = Math.Clamp(probabilities[i], Epsilon, 1 - Epsilon);
            logLoss -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        logLoss /= n;
        var entropy = baseRate is <= 0 or >= 1 ? 0 : -((baseRate * Math.Log(baseRate)) + ((1 - baseRate) * Math.Log(1 - baseRate)));
        return new BinaryMetrics(AreaUnderCurve(labels, probabilities, positives), logLoss, entropy > 0 ? logLoss / entropy : double.NaN,
            ExpectedCalibrationError(labels, probabilities), baseRate, n);
    }

    /// <summary>Mann–Whitney: the rank sum of positives, with tied scores sharing their average rank.</summary>
    private static double AreaUnderCurve(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, int positives)
    {
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var rankSum = 0.0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                rankSum += labels[order[k]] ? rank : 0;
            }

            start = end + 1;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>Σ over bins of (bin share) · |mean prediction − observed rate|.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities) =>
        Reliability(labels, probabilities).Sum(b => (double)b.Count / labels.Count * Math.Abs(b.MeanPrediction - b.ObservedRate));

    /// <summary>The reliability diagram: per bin of predicted probability, mean prediction and observed rate.</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities) =>
        [.. Enumerable.Range(0, labels.Count)
            .GroupBy(i => Math.Min(CalibrationBins - 1, (int)(Math.Clamp(probabilities[i], 0, 1) * CalibrationBins)))
            .OrderBy(g => g.Key)
            .Select(g => new ReliabilityBin(g.Key, g.Count(), g.Average(i => probabilities[i]), g.Average(i => labels[i] ? 1.0 : 0.0)))];
}
