namespace AdStudio.Web.Features.Accounts;

/// <summary>
/// While the app waits for its first administrator, every UI page leads to <c>/setup</c>, which explains where the
/// one-time link is. The API needs no gate: with no user there is no credential, so it answers 401 anyway.
/// </summary>
public sealed class SetupGate(RequestDelegate next, SetupToken setupToken)
{
    public const string SetupPath = "/setup";

    public Task InvokeAsync(HttpContext context)
    {
        if (setupToken.IsPending && !context.Request.Path.Equals(SetupPath, StringComparison.OrdinalIgnoreCase) && UiPages.IsPage(context))
        {
            context.Response.Redirect(SetupPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
