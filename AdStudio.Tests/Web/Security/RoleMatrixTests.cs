using System.Net;
using System.Text;
using AdStudio.Core.Accounts;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Security;

/// <summary>
/// The role matrix, one representative call per feature, for each role (a fresh user holding only that role,
/// signed in with a bearer token). "2xx": the call succeeds; "yes": it gets past authorization to an answer about
/// the request itself (404 for a model that does not exist, 400 for an empty body); "no": 403 problem details.
/// Calls are chosen not to change shared data: missing ids, invalid bodies, idempotent steps (the demo is
/// already seeded, so admin's seed run does nothing).
/// </summary>
[Collection(RunningApp.Name)]
public sealed class RoleMatrixTests(AppHost app)
{
    private const string CompareBody =
        """{"metricType":"proportion","control":{"n":1000,"sum":50},"treatment":{"n":1000,"sum":65}}""";

    private static readonly string[] RoleColumns = [Roles.Admin, Roles.Marketer, Roles.Reviewer, Roles.Analyst];

    // feature                     method  path                                     body         admin  marketer reviewer analyst
    private static readonly Row[] ShopFeatures =
    [
        new("campaign list",        "GET",  "/api/campaigns",                        null,        "2xx", "2xx", "2xx", "2xx"),
        new("campaign create",      "POST", "/api/campaigns",                        "{}",        "yes", "yes", "no",  "no"),
        new("campaign edit",        "PUT",  "/api/campaigns/999999",                 "{}",        "yes", "yes", "no",  "no"),
        new("creative upload",      "POST", "/api/creatives",                        null,        "yes", "yes", "no",  "no"),
        new("creative approve",     "POST", "/api/creatives/999999/approve",         "{}",        "yes", "no",  "yes", "no"),
        new("creative reject",      "POST", "/api/creatives/999999/reject",          "{}",        "yes", "no",  "yes", "no"),
        new("segment list",         "GET",  "/api/segments",                         null,        "2xx", "2xx", "2xx", "2xx"),
        new("segment create",       "POST", "/api/segments",                         "{}",        "yes", "yes", "no",  "no"),
        new("segment member export","GET",  "/api/segments/999999/members.csv",      null,        "yes", "yes", "no",  "no"),
        new("segment raw-id export","GET",  "/api/segments/999999/members.csv?ids=raw", null,     "yes", "no",  "no",  "no"),
        new("experiment results",   "GET",  "/api/experiments/999999/results",       null,        "yes", "yes", "yes", "yes"),
        new("experiment start",     "POST", "/api/experiments/999999/start",         null,        "yes", "yes", "no",  "no"),
        new("model list",           "GET",  "/api/models",                           null,        "2xx", "2xx", "2xx", "2xx"),
        new("model promote",        "POST", "/api/models/999999/promote",            null,        "yes", "yes", "no",  "no"),
        new("import",               "POST", "/api/import/shoppers",                  null,        "yes", "yes", "no",  "no"),
        new("pipeline runs",        "GET",  "/api/pipeline/runs",                    null,        "2xx", "2xx", "2xx", "2xx"),
        new("pipeline seed",        "POST", "/api/pipeline/seed",                    null,        "2xx", "no",  "no",  "no"),
        new("pipeline rollup",      "POST", "/api/pipeline/rollup",                  null,        "2xx", "2xx", "no",  "no"),
        new("stats compare",        "POST", "/api/stats/compare",                    CompareBody, "2xx", "2xx", "2xx", "2xx"),
        new("job dashboard",        "GET",  "/hangfire",                             null,        "2xx", "no",  "no",  "no"),
    ];

    // Users, storefront keys (admin) and the audit log (admin and analyst).
    private static readonly Row[] AccountFeatures =
    [
        new("user list",            "GET",  "/api/users",                            null,        "2xx", "no",  "no",  "no"),
        new("audit log",            "GET",  "/api/audit",                            null,        "2xx", "no",  "no",  "2xx"),
        new("storefront key list",  "GET",  "/api/storefront-keys",                  null,        "2xx", "no",  "no",  "no"),
    ];

    [Fact]
    public Task ShopFeatures_EachRole_GetsExactlyWhatTheMatrixSays() => CheckAsync(ShopFeatures);

    [Fact]
    public Task AccountFeatures_EachRole_GetsExactlyWhatTheMatrixSays() => CheckAsync(AccountFeatures);

    [Fact]
    public void Matrix_AgreesWithThePolicies()
    {
        // The table above and the app's own policy matrix must tell the same story for the policy-level rows.
        Assert.Equal([Roles.Admin, Roles.Marketer], Policies(AdStudio.Web.Features.Accounts.Policies.Edit));
        Assert.Equal([Roles.Admin, Roles.Reviewer], Policies(AdStudio.Web.Features.Accounts.Policies.Review));
        Assert.Equal([Roles.Admin, Roles.Analyst], Policies(AdStudio.Web.Features.Accounts.Policies.Audit));
        Assert.Equal([Roles.Admin], Policies(AdStudio.Web.Features.Accounts.Policies.Admin));
        Assert.Equal(RoleColumns.Order(), Policies(AdStudio.Web.Features.Accounts.Policies.Read).Order());

        static IEnumerable<string> Policies(string policy) => AdStudio.Web.Features.Accounts.Policies.AllowedRoles[policy];
    }

    private async Task CheckAsync(Row[] rows)
    {
        var failures = new List<string>();
        for (var column = 0; column < RoleColumns.Length; column++)
        {
            var role = RoleColumns[column];
            // A user per role and table: the matrix is about one role at a time.
            using var client = await TestUsers.ClientAsync(app, role);
            foreach (var row in rows)
            {
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path);
                if (row.Body is not null)
                {
                    request.Content = new StringContent(row.Body, Encoding.UTF8, "application/json");
                }
                else if (row.Method != "GET")
                {
                    request.Content = new StringContent("", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var expected = row.Allowed[column];
                var ok = expected switch
                {
                    "2xx" => status is >= 200 and < 300,
                    "yes" => status is not (401 or 403) and < 500,
                    _ => status == 403 && response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                };
                if (!ok)
                {
                    failures.Add($"{role,-8} {row.Feature,-22} {row.Method} {row.Path}: expected {(expected == "no" ? "403" : expected)}, got {status}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private sealed record Row(string Feature, string Method, string Path, string? Body, params string[] Allowed);
}
