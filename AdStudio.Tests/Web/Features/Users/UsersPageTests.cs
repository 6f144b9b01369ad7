using AdStudio.Tests.Support;
using AdStudio.Web.Features.Users;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Users;

[Collection(RunningApp.Name)]
public sealed class UsersPageTests(AppHost app) : IAsyncLifetime
{
    private AsyncServiceScope _scope;

    public Task InitializeAsync()
    {
        _scope = app.Services.CreateAsyncScope();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Fact]
    public async Task Users_Admin_SeesEveryUserWithRolesAndActions()
    {
        // Arrange
        var marketer = await TestUsers.CreateThroughApiAsync(app, "marketer", "reviewer");
        await using var ui = UiTestContext.Create(services => services.AddSingleton(_scope.ServiceProvider.GetRequiredService<UserAdministration>()));

        // Act
        var cut = ui.Render<AdStudio.Web.Features.Users.Users>();

        // Assert: the list arrives after the first render (a database round trip, slower on PostgreSQL).
        var row = cut.WaitForElement($"[data-user='{marketer.Email}']", TimeSpan.FromSeconds(10)).ParentElement!;
        Assert.Contains("marketer", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("reviewer", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("active", row.QuerySelector("[data-testid='user-status']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("[data-testid='disable-user']"));
        Assert.NotNull(row.QuerySelector("[data-testid='edit-roles']"));
        Assert.NotNull(cut.Find($"[data-user='{TestCredentials.AdminEmail}']"));
    }

    [Fact]
    public async Task Users_DisableClicked_DisablesThroughTheServiceAndShowsIt()
    {
        var analyst = await TestUsers.CreateThroughApiAsync(app, "analyst");
        await using var ui = UiTestContext.Create(services => services.AddSingleton(_scope.ServiceProvider.GetRequiredService<UserAdministration>()));
        var cut = ui.Render<AdStudio.Web.Features.Users.Users>();

        cut.WaitForElement($"[data-user='{analyst.Email}']", TimeSpan.FromSeconds(10)).ParentElement!.QuerySelector("[data-testid='disable-user']")!.Click();

        cut.WaitForAssertion(() => Assert.Contains(
            "disabled", cut.Find($"[data-user='{analyst.Email}']").ParentElement!.QuerySelector("[data-testid='user-status']")!.TextContent, StringComparison.Ordinal));
        Assert.Contains("signed out everywhere", cut.Find("[data-testid='users-message']").TextContent, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Contains(db.AuditEntries, e => e.EntityType == "user" && e.EntityId == analyst.Id && e.Action == "disabled" && e.Actor == UiTestContext.UserEmail);
    }
}
