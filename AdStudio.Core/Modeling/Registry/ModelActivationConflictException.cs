namespace AdStudio.Core.Modeling.Registry;

/// <summary>An activation lost a race with another activation of the same kind; at most one model per kind is active.</summary>
public sealed class ModelActivationConflictException : Exception
{
    public ModelActivationConflictException(string message)
        : base(message)
    {
    }

    public ModelActivationConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
