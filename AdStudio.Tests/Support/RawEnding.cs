namespace AdStudio.Tests.Support;

/// <summary>How a raw read ended.</summary>
public enum RawEnding
{
    /// <summary>The server closed the connection (FIN).</summary>
    Closed,

    /// <summary>The connection was reset.</summary>
    Reset,

    /// <summary>The server kept the connection open past the read's timeout.</summary>
    StillOpen,
}
