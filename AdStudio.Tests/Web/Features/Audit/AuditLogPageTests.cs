using AdStudio.Core.Accounts;
using AdStudio.Core.Auditing;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Audit;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AdStudio.Tests.Web.Features.Audit;

public sealed class AuditLogPageTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var db = _db.Open();
        var at = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
        AuditTrail.Add(db, AuditTrail.Campaign, 4, "maria@shop.example", "paused", null, at);
        AuditTrail.Add(db, AuditTrail.User, 2, "admin@shop.example", "roles-changed", "jon@shop.example: analyst → marketer", at.AddHours(1));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AuditLog_Analyst_SeesEntriesNewestFirst_AndTheActorFilterNarrowsThem()
    {
        // Arrange
        await using var ui = UiTestContext.Create(services => services.AddSingleton(new AuditLog(_db.Factory)), Roles.Analyst);
        var cut = ui.Render<AuditLogPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid='audit-table'] tbody tr").Count));
        var rows = cut.FindAll("[data-testid='audit-table'] tbody tr");
        Assert.Contains("roles-changed", rows[0].TextContent, StringComparison.Ordinal);

        // Act
        await cut.InvokeAsync(() => cut.FindComponents<MudTextField<string>>()[0].Instance.ValueChanged.InvokeAsync("maria@shop.example"));
        cut.Find("[data-testid='audit-search']").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid='audit-table'] tbody tr")));
        Assert.Contains("paused", cut.Find("[data-testid='audit-table'] tbody tr").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_NoMatch_ShowsTheEmptyState()
    {
        await using var ui = UiTestContext.Create(services => services.AddSingleton(new AuditLog(_db.Factory)), Roles.Admin);
        var cut = ui.Render<AuditLogPage>();

        await cut.InvokeAsync(() => cut.FindComponents<MudTextField<string>>()[0].Instance.ValueChanged.InvokeAsync("nobody@shop.example"));
        cut.Find("[data-testid='audit-search']").Click();

        cut.WaitForAssertion(() => Assert.Contains("Nothing recorded", cut.Markup, StringComparison.Ordinal));
    }
}
