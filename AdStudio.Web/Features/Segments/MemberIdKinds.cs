namespace AdStudio.Web.Features.Segments;

/// <summary>The kinds of shopper ids a segment member export writes (<c>?ids=</c>).</summary>
public static class MemberIdKinds
{
    /// <summary>Stable masked ids (the default): enough to compare exports, useless outside AdStudio.</summary>
    public const string Masked = "masked";

    /// <summary>The shop's own ids, for activation in another tool: admins only, and audited.</summary>
    public const string Raw = "raw";

    /// <summary>The kind asked for (masked when nothing is asked), or null when it is neither.</summary>
    public static string? Parse(string? value) => value switch
    {
        null or "" or Masked => Masked,
        Raw => Raw,
        _ => null,
    };
}
