namespace AdStudio.Bench;

/// <summary>A bare Kestrel endpoint that answers every POST with the same bytes as a real /serve answer: the floor.</summary>
internal static class BaselineServer
{
    public static async Task RunAsync(int port, string bodyFile)
    {
        var body = await File.ReadAllBytesAsync(bodyFile);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/serve", async context =>
        {
            // Read the request like /serve does, then answer the canned decision.
            using var reader = new StreamReader(context.Request.Body);
            await reader.ReadToEndAsync(context.RequestAborted);
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
        app.MapGet("/health", () => "ok");
        await app.RunAsync();
    }
}
