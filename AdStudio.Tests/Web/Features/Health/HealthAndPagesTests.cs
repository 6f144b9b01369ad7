using System.Net;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Health;

[Collection(RunningApp.Name)]
public sealed class HealthAndPagesTests(AppHost app)
{
    [Fact]
    public async Task Health_WithDatabaseAndSnapshot_IsHealthy()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task HangfireDashboard_IsServedToLocalRequests()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "Impressions")]
    [InlineData("/campaigns", "Spring")]
    [InlineData("/creatives", "<img")]
    [InlineData("/segments", "Members")]
    [InlineData("/experiments", "control")]
    [InlineData("/models", "No models trained yet")]
    [InlineData("/jobs", "seed")]
    [InlineData("/experiments/1", "Results by metric")]
    [InlineData("/campaigns/1", "Budget")]
    [InlineData("/campaigns/1/edit", "Dayparting")]
    [InlineData("/campaigns/new", "New campaign")]
    [InlineData("/creatives/1", "Review")]
    [InlineData("/segments/1", "Size over time")]
    [InlineData("/segments/new", "Estimated size")]
    [InlineData("/segments/clusters", "Clusters")]
    [InlineData("/segments/import", "Behaviour events")]
    [InlineData("/experiments/new", "Create draft")]
    [InlineData("/experiments/calculator", "Sample size and duration")]
    public async Task Page_RendersWithDemoData(string path, string expected)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_AnswersNotFoundPage()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }
}
