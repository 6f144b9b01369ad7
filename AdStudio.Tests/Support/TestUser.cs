namespace AdStudio.Tests.Support;

/// <summary>An account a test created through the users API, with a bearer token of its own.</summary>
public sealed record TestUser(int Id, string Email, string Password, string Token)
{
    /// <summary>A client acting as this user (and as the test storefront).</summary>
    public HttpClient Client(AppHost app) => TestCredentials.Authorize(app.CreateAnonymousClient(), Token);
}
