namespace AdStudio.Core.Shoppers.Import;

/// <summary>The file as a whole cannot be imported (a required column is missing); nothing was written.</summary>
public sealed class ImportFormatException : Exception
{
    public ImportFormatException()
    {
    }

    public ImportFormatException(string message)
        : base(message)
    {
    }

    public ImportFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
