namespace AdStudio.Core.Creatives;

/// <summary>A reviewer tried to approve or reject a creative whose image or copy they changed last (four-eyes review).</summary>
public sealed class FourEyesException(string message) : Exception(message);
