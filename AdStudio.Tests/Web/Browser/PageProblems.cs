using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace AdStudio.Tests.Web.Browser;

/// <summary>
/// Collects what a page did wrong in the browser: console errors (CSP violations among them), uncaught script errors,
/// requests that failed and answers of 400 or more (except those <paramref name="expected"/> allows).
/// </summary>
public sealed class PageProblems
{
    private readonly ConcurrentQueue<string> _problems = new();

    public PageProblems(IPage page, Func<IResponse, bool>? expected = null)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Enqueue($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"page error: {error}");
        page.RequestFailed += (_, request) => _problems.Enqueue($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && expected?.Invoke(response) != true)
            {
                _problems.Enqueue($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
    }

    public IReadOnlyList<string> All => [.. _problems];
}
