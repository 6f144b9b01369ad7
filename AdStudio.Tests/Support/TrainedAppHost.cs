using System.Net.Http.Json;
using System.Text.Json;

namespace AdStudio.Tests.Support;

/// <summary>
/// A second running app whose demo history is enough to train on (8,000 shoppers over 28 days, lower minimums,
/// two trainers), for the model API, hot-swap and corrupt-file tests. Its models never touch the shared app.
/// </summary>
public sealed class TrainedAppHost : IAsyncLifetime, IDisposable
{
    private readonly SemaphoreSlim _training = new(1, 1);
    private bool _trained;

    public AppHost App { get; } = new(new Dictionary<string, string>
    {
        ["Demo:Shoppers"] = "8000",
        ["Demo:Days"] = "28",
        ["Modeling:MinimumRows"] = "200",
        ["Modeling:ValidationDays"] = "4",
        ["Modeling:MinimumConversionRows"] = "20",
        ["Modeling:ImportanceRows"] = "1000",
        ["Modeling:Trainers:0"] = "logistic_regression",
        ["Modeling:Trainers:1"] = "lightgbm",
    });

    /// <summary>The train run's message (per trainer metrics and the promotion verdict).</summary>
    public string TrainingMessage { get; private set; } = "";

    public Task InitializeAsync() => App.InitializeAsync();

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _training.Dispose();
    }

    /// <summary>xunit calls <see cref="DisposeAsync"/> first; this only covers a host that was never initialised.</summary>
    public void Dispose()
    {
        App.Dispose();
        _training.Dispose();
    }

    /// <summary>Runs the <c>train</c> step once through the API (profiling first, as the schedule would) and waits for it.</summary>
    public async Task EnsureTrainedAsync()
    {
        await _training.WaitAsync();
        try
        {
            if (_trained)
            {
                return;
            }

            using var client = App.CreateClient();
            foreach (var step in new[] { "profile", "train" })
            {
                using var started = await client.PostAsync($"/api/pipeline/{step}", null);
                var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt32();
                var run = await App.WaitForRunAsync(runId, TimeSpan.FromSeconds(180));
                if (run.Status != "succeeded")
                {
                    throw new InvalidOperationException($"{step} failed: {run.Message}");
                }

                TrainingMessage = run.Message ?? "";
            }

            _trained = true;
        }
        finally
        {
            _training.Release();
        }
    }
}
