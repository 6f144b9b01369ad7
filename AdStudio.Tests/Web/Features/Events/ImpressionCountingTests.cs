using System.Text;
using System.Text.Json;
using AdStudio.Core.Events;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Events;
using AdStudio.Web.Features.Serving;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Features.Events;

/// <summary>
/// <c>POST /events</c> and the tracking pixel count impressions toward frequency caps by the same rule. Both run
/// against the shared app's store and snapshot but count into a counter of their own, so the app's snapshot
/// refreshes (which move live counts) cannot disturb what the test reads.
/// </summary>
[Collection(RunningApp.Name)]
public sealed class ImpressionCountingTests(AppHost app)
{
    private readonly FrequencyCounter _frequency = new();

    private StoredImpressionCounter Counter() => new(_frequency, app.Services.GetRequiredService<SnapshotHolder>());

    private int Seen(string shopperId, int campaignId) => _frequency.SeenOn(
        ServingSnapshot.Empty, shopperId, campaignId, app.Services.GetRequiredService<SnapshotHolder>().Current.LocalTime(DateTime.UtcNow).Day);

    private async Task PostEventsAsync(string shopperId, string decisionId)
    {
        var body = JsonSerializer.Serialize(new
        {
            events = new[] { new { type = "impression", shopperId, timestamp = DateTimeOffset.UtcNow.ToString("O"), decisionId } },
        });
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var services = app.Services;
        var result = await EventsEndpoints.IngestAsync(
            context.Request, services.GetRequiredService<EventValidator>(), services.GetRequiredService<BatchingEventWriter>(),
            services.GetRequiredService<IOptions<EventWriterOptions>>(), Counter(), services.GetRequiredService<StorageProblems>(), CancellationToken.None);
        Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.Accepted<EventsAccepted>>(result.Result);
    }

    /// <summary>Fires the impression pixel as the browser would: the sealed ticket of the served impression URL, no shopper parameter.</summary>
    private async Task ShowPixelAsync(string pixelTicket)
    {
        var recorder = ActivatorUtilities.CreateInstance<AdEventRecorder>(app.Services, Counter());
        var (_, problem) = await recorder.RecordAsync(AdEventType.Impression, pixelTicket, null, new DefaultHttpContext().Response, CancellationToken.None);
        Assert.Null(problem);
    }

    private async Task<(string DecisionId, int CampaignId, string PixelTicket)> ServeAsync(HttpClient client, string shopperId)
    {
        var served = await DecisionIds.ServeAsync(client, shopperId);
        var decisionId = served.GetProperty("decisionId").GetString()!;
        Assert.True(app.Services.GetRequiredService<DecisionTokenCodec>().TryDecode(decisionId, shopperId, out var ticket));
        var pixelTicket = new Uri(served.GetProperty("impressionUrl").GetString()!).Segments[^1];
        return (decisionId, ticket.CampaignId, pixelTicket);
    }

    [Fact]
    public async Task Impression_ReportedTwiceThroughEventsOrThePixel_CountsOnceEitherWay()
    {
        using var client = app.CreateClient();
        var (viaEvents, viaPixel, viaBoth) = ($"count-events-{Guid.NewGuid():N}", $"count-pixel-{Guid.NewGuid():N}", $"count-both-{Guid.NewGuid():N}");
        var (eventsDecision, eventsCampaign, _) = await ServeAsync(client, viaEvents);
        var (_, pixelCampaign, pixelTicket) = await ServeAsync(client, viaPixel);
        var (bothDecision, bothCampaign, bothTicket) = await ServeAsync(client, viaBoth);

        await PostEventsAsync(viaEvents, eventsDecision);
        await PostEventsAsync(viaEvents, eventsDecision);
        await ShowPixelAsync(pixelTicket);
        await ShowPixelAsync(pixelTicket);
        await PostEventsAsync(viaBoth, bothDecision);
        await ShowPixelAsync(bothTicket);

        Assert.Equal((1, 1, 1), (Seen(viaEvents, eventsCampaign), Seen(viaPixel, pixelCampaign), Seen(viaBoth, bothCampaign)));
    }
}
