namespace AdStudio.Core.Modeling;

/// <summary>
/// Permutation feature importance over feature groups: shuffle one group's slots together across rows (a seeded
/// permutation), score again, and report how much AUC falls and log loss rises. Written here because ML.NET's
/// permutation importance shuffles single slots, which splits a one-hot field into meaningless pieces.
/// </summary>
public static class PermutationImportance
{
    /// <param name="predict">Scores a batch of feature vectors.</param>
    public static IReadOnlyList<FeatureImportance> Compute(
        Func<IReadOnlyList<float[]>, double[]> predict,
        IReadOnlyList<float[]> vectors,
        IReadOnlyList<bool> labels,
        IReadOnlyList<(string Name, int[] Slots)> groups,
        int seed = 7)
    {
        var baseline = BinaryMetrics.Compute(labels, predict(vectors));
        var random = new Random(seed);
        var result = new List<FeatureImportance>(groups.Count);
        foreach (var (name, slots) in groups)
        {
            var permutation = Enumerable.Range(0, vectors.Count).ToArray();
            random.Shuffle(permutation);
            var shuffled = new float[vectors.Count][];
            for (var i = 0; i < vectors.Count; i++)
            {
                var copy = (float[])vectors[i].Clone();
                foreach (var slot in slots)
                {
                    copy[slot] = vectors[permutation[i]][slot];
                }

                shuffled[i] = copy;
            }

            var metrics = BinaryMetrics.Compute(labels, predict(shuffled));
            result.Add(new FeatureImportance(name, baseline.Auc - metrics.Auc, metrics.LogLoss - baseline.LogLoss));
        }

        return [.. result.OrderByDescending(r => r.LogLossIncrease)];
    }
}
