namespace AdStudio.Core.Privacy.Retention;

/// <summary>Turns rows deleted so far, out of the rows due when the run started, into progress between 2 % and 99 %.</summary>
internal sealed class DeletionProgress(IProgress<double> progress, long due)
{
    private long _deleted;

    public void Add(long rows)
    {
        _deleted += rows;
        // Rows written after the count can make deleted exceed due (an event dated in the past arriving late): cap it.
        progress.Report(due == 0 ? 0.99 : 0.02 + (0.97 * Math.Min(1, _deleted / (double)due)));
    }
}
