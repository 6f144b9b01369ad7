namespace AdStudio.Tests.Web.Hardening;

/// <summary>
/// An endpoint that reads a JSON body; <c>{id}</c> in the route is filled in per case. <paramref name="ValidOnlyInReview"/>
/// marks review actions, whose valid body is still refused (400) for a creative that is not waiting for review.
/// </summary>
public sealed record JsonEndpoint(string Method, string Route, IReadOnlyList<(string Key, string Value)> Valid, bool ValidOnlyInReview = false)
{
    public override string ToString() => $"{Method} {Route}";
}
