using MathNet.Numerics.Distributions;

namespace AdStudio.Tests.Web.Features.Experiments.Offline;

/// <summary>
/// The shipped Hillstrom example and an independent reading of it: per-arm sums from a plain split of each line,
/// and the textbook formulas (delta-method relative lift, Welch degrees of freedom, Student t) with MathNet's
/// distributions, written here without AdStudio's statistics classes.
/// </summary>
internal static class HillstromFile
{
    public static string Path
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "AdStudio.sln")))
            {
                directory = directory.Parent;
            }

            return System.IO.Path.Combine(directory!.FullName, "AdStudio.Web", "wwwroot", "examples", "hillstrom-email-test.csv");
        }
    }

    /// <summary>Units, conversions, revenue sum and sum of squares per arm.</summary>
    public static Dictionary<string, (long N, double Conversions, double Sum, double SumSquares)> Arms()
    {
        var arms = new Dictionary<string, (long N, double Conversions, double Sum, double SumSquares)>();
        foreach (var line in File.ReadLines(Path).Skip(1))
        {
            var f = line.Split(',');
            var revenue = double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture);
            var a = arms.GetValueOrDefault(f[1]);
            arms[f[1]] = (a.N + 1, a.Conversions + int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), a.Sum + revenue, a.SumSquares + (revenue * revenue));
        }

        return arms;
    }

    /// <summary>Relative lift of treatment over control, its 95 % interval, two-sided p-value and P(lift &gt; 0).</summary>
    public static (double Lift, double Low, double High, double P, double Win) Relative(long nc, double mc, double vc, long nt, double mt, double vt)
    {
        var sc = vc / nc;
        var st = vt / nt;
        var lift = (mt / mc) - 1;
        var se = Math.Sqrt((st / (mc * mc)) + (mt * mt * sc / Math.Pow(mc, 4)));
        var df = Math.Pow(sc + st, 2) / ((sc * sc / (nc - 1)) + (st * st / (nt - 1)));
        var t = new StudentT(0, 1, df);
        var half = t.InverseCumulativeDistribution(0.975) * se;
        return (lift, lift - half, lift + half, 2 * t.CumulativeDistribution(-Math.Abs(lift / se)), Normal.CDF(0, 1, lift / se));
    }

    /// <summary>The textbook pooled two-proportion z-test's two-sided p-value.</summary>
    public static double TwoProportionZ(long nc, double xc, long nt, double xt)
    {
        var pooled = (xc + xt) / (nc + nt);
        var z = ((xt / nt) - (xc / nc)) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / nc) + (1.0 / nt)));
        return 2 * Normal.CDF(0, 1, -Math.Abs(z));
    }
}
