namespace AdStudio.Core.Modeling.Registry;

/// <summary>A registered model cannot be used: its file is missing or corrupt, or its feature layout is not this version's.</summary>
public sealed class ModelFileException : Exception
{
    public ModelFileException(string message)
        : base(message)
    {
    }

    public ModelFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
