namespace AdStudio.Core.Creatives.Images;

/// <summary>An upload is not an acceptable image; the message tells the marketer why in plain words.</summary>
public sealed class ImageRejectedException : Exception
{
    public ImageRejectedException()
    {
    }

    public ImageRejectedException(string message)
        : base(message)
    {
    }

    public ImageRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
