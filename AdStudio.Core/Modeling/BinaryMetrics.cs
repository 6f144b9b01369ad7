namespace AdStudio.Core.Modeling;

/// <summary>
/// How good predicted probabilities are, computed the same way for every model and for the simulator's oracle:
/// AUC (probability a random positive outranks a random negative, ties counting half), log loss in nats,
/// normalised entropy (log loss ÷ the entropy of the base rate; below 1 beats predicting the base rate) and
/// expected calibration error over ten equal-count bins.
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

    /// <summary>
    /// The reliability diagram: predictions sorted and cut into (up to) ten bins of equal count, each with its mean
    /// prediction and observed rate. Equal-count rather than equal-width bins, because click probabilities of a few
    /// percent would all fall into the first tenth of [0, 1] and the diagram would say nothing.
    /// </summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities)
    {
        var order = Enumerable.Range(0, labels.Count).OrderBy(i => probabilities[i]).ToArray();
        var bins = Math.Min(CalibrationBins, order.Length);
        var result = new List<ReliabilityBin>(bins);
        for (var b = 0; b < bins; b++)
        {
            var members = order[(b * order.Length / bins)..((b + 1) * order.Length / bins)];
            result.Add(new ReliabilityBin(b, members.Length, members.Average(i => probabilities[i]), members.Average(i => labels[i] ? 1.0 : 0.0)));
        }

        return result;
    }

    /// <summary>
    /// The ROC curve from (0, 0) to (1, 1): false and true positive rates at every distinct threshold, thinned to at
    /// most <paramref name="maxPoints"/> points for drawing. Empty when one class is missing.
    /// </summary>
    public static IReadOnlyList<RocPoint> RocCurve(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, int maxPoints = 101)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return [];
        }

        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var points = new List<RocPoint> { new(0, 0) };
        int tp = 0, fp = 0;
        for (var k = 0; k < order.Length; k++)
        {
            tp += labels[order[k]] ? 1 : 0;
            fp += labels[order[k]] ? 0 : 1;
            if (k == order.Length - 1 || scores[order[k + 1]] != scores[order[k]])
            {
                points.Add(new RocPoint((double)fp / negatives, (double)tp / positives));
            }
        }

        if (points.Count <= maxPoints)
        {
            return points;
        }

        var step = (points.Count - 1) / (double)(maxPoints - 1);
        return [.. Enumerable.Range(0, maxPoints).Select(i => points[(int)Math.Round(i * step)])];
    }
}
