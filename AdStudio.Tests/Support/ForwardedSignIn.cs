using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Support;

/// <summary>A failed token request that claims, through <c>X-Forwarded-For</c>, to come from another address.</summary>
public static class ForwardedSignIn
{
    public const string ClaimedAddress = "203.0.113.7";

    /// <summary>Posts a wrong password with the forwarded header; returns the details of the audit entry it left.</summary>
    public static async Task<string?> FailedAttemptDetailsAsync(AppHost app)
    {
        var email = $"nobody-{Guid.NewGuid():N}@adstudio.test";
        using var client = app.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { email, password = "wrong-password-123" }) };
        request.Headers.Add("X-Forwarded-For", ClaimedAddress);

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        await using var db = app.OpenDb();
        return (await db.AuditEntries.SingleAsync(a => a.Actor == email && a.Action == "sign-in-failed")).Details;
    }
}
