using AdStudio.Tests.Support;
using AdStudio.Web.Components.Common;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AdStudio.Tests.Web.Components.Common;

public sealed class UnsavedChangesGuardTests : IAsyncLifetime
{
    private BunitContext _ui = null!;
    private bool _dirty;

    public Task InitializeAsync()
    {
        _ui = UiTestContext.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderGuard() => _ui.Render(builder =>
    {
        builder.OpenComponent<MudDialogProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<UnsavedChangesGuard>(1);
        builder.AddComponentParameter(2, nameof(UnsavedChangesGuard.Dirty), (Func<bool>)(() => _dirty));
        builder.CloseComponent();
    });

    private NavigationManager Navigation => _ui.Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void Navigate_CleanForm_LeavesWithoutAsking()
    {
        var cut = RenderGuard();

        Navigation.NavigateTo("/campaigns");

        Assert.EndsWith("/campaigns", Navigation.Uri, StringComparison.Ordinal);
        Assert.DoesNotContain(UnsavedChangesGuard.Title, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigate_DirtyFormAndStay_AsksAndStaysOnThePage()
    {
        var cut = RenderGuard();
        var before = Navigation.Uri;
        _dirty = true;

        await cut.InvokeAsync(() => Navigation.NavigateTo("/campaigns"));
        cut.WaitForAssertion(() => Assert.Contains(UnsavedChangesGuard.Title, cut.Markup, StringComparison.Ordinal));
        cut.FindAll("button").Single(b => b.TextContent.Contains("Stay on this page", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.DoesNotContain(UnsavedChangesGuard.Title, cut.Markup, StringComparison.Ordinal));
        var history = ((Bunit.TestDoubles.BunitNavigationManager)Navigation).History;
        await Poll.UntilAsync(() => Task.FromResult(history.Count), n => n > 0, TimeSpan.FromSeconds(10), "the navigation was decided");
        Assert.Equal(Bunit.TestDoubles.NavigationState.Prevented, history.First().State);
        Assert.Equal(before, Navigation.Uri);
    }

    [Fact]
    public async Task Navigate_DirtyFormAndLeave_AsksAndLeaves()
    {
        var cut = RenderGuard();
        _dirty = true;

        await cut.InvokeAsync(() => Navigation.NavigateTo("/campaigns"));
        cut.WaitForAssertion(() => Assert.Contains(UnsavedChangesGuard.Title, cut.Markup, StringComparison.Ordinal));
        cut.FindAll("button").Single(b => b.TextContent.Contains("Leave and discard", StringComparison.Ordinal)).Click();

        // The navigation completes after the dialog closes, with no further render to wait for.
        var uri = await Poll.UntilAsync(() => Task.FromResult(Navigation.Uri), u => u.EndsWith("/campaigns", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the navigation went ahead");
        Assert.EndsWith("/campaigns", uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DirtyForm_AsksTheBrowserBeforeUnload()
    {
        _dirty = true;

        var cut = RenderGuard();

        Assert.True(cut.FindComponent<NavigationLock>().Instance.ConfirmExternalNavigation);
    }
}
