namespace AdStudio.Core.Privacy;

/// <summary>Checks a shopper id given to an access or erasure request.</summary>
public static class ShopperIds
{
    /// <summary>As long as the shopper id columns.</summary>
    public const int MaxLength = 128;

    /// <summary>Null when <paramref name="shopperId"/> can be looked up; otherwise what is wrong with it.</summary>
    public static string? Problem(string? shopperId) =>
        string.IsNullOrWhiteSpace(shopperId) ? "shopperId is required."
        : shopperId.Length > MaxLength ? $"shopperId is at most {MaxLength} characters."
        : null;
}
