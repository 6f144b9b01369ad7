namespace AdStudio.Web.Features.Privacy;

/// <summary>Tells the request log on the same page (one per circuit) that the lookup section just recorded a request.</summary>
public sealed class PrivacyRequestEvents
{
    public event Func<Task>? Recorded;

    public Task RaiseAsync() => Recorded?.Invoke() ?? Task.CompletedTask;
}
