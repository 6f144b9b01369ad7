using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Models;

[Collection(RunningApp.Name)]
public sealed class ModelsApiTests(AppHost app)
{
    [Fact]
    public async Task Train_OnTooLittleHistory_FailsWithAClearMessage_AndListStaysEmpty()
    {
        using var client = app.CreateClient();

        using var started = await client.PostAsync("/api/pipeline/train", null);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt32();
        var run = await app.WaitForRunAsync(runId, TimeSpan.FromSeconds(120));
        var models = await client.GetFromJsonAsync<JsonElement>("/api/models");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("failed", run.Status);
        Assert.Contains("Too little history to train", run.Message, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, models.ValueKind);
        Assert.Equal(0, models.GetArrayLength());
    }
}
