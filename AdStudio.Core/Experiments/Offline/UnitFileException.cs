namespace AdStudio.Core.Experiments.Offline;

/// <summary>The per-unit file cannot be analysed at all (empty, no header, too few variants, unknown control); the message says why.</summary>
public sealed class UnitFileException : Exception
{
    public UnitFileException()
    {
    }

    public UnitFileException(string message)
        : base(message)
    {
    }

    public UnitFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
