namespace AdStudio.Core.Privacy;

/// <summary>The values of <c>Privacy:ConsentModel</c>.</summary>
public static class ConsentModels
{
    /// <summary>A shopper never asked has neither purpose (privacy by default).</summary>
    public const string OptIn = "opt-in";

    /// <summary>A shopper never asked has both purposes until they withdraw.</summary>
    public const string OptOut = "opt-out";
}
