namespace AdStudio.Core.Experiments.Stats;

/// <summary>The inputs cannot be compared (too few units, a zero control mean for a relative effect, …); the message says why.</summary>
public sealed class StatsInputException : ArgumentException
{
    public StatsInputException()
    {
    }

    public StatsInputException(string message)
        : base(message)
    {
    }

    public StatsInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
