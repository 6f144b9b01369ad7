using AdStudio.Core.Accounts;
using AdStudio.Tests.Support;
using AdStudio.Web.Components.Layout;
using Bunit;

namespace AdStudio.Tests.Web.Components.Layout;

/// <summary>The navigation shows each role only what it may use.</summary>
public sealed class NavMenuTests
{
    [Theory]
    [InlineData(Roles.Admin, "import,audit,users,storefront-keys,privacy,job-dashboard")]
    [InlineData(Roles.Marketer, "import")]
    [InlineData(Roles.Reviewer, "")]
    [InlineData(Roles.Analyst, "audit")]
    public async Task NavMenu_ForRole_ShowsOnlyTheLinksItMayUse(string role, string expected)
    {
        await using var ui = UiTestContext.Create(roles: role);

        var cut = ui.Render<NavMenu>();

        var shown = cut.FindAll("[data-nav]").Select(a => a.GetAttribute("data-nav")!).ToArray();
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), shown);
        Assert.NotNull(cut.Find("a[href='/campaigns']"));
    }

    [Fact]
    public async Task NavMenu_MarketerAndAnalyst_ShowsTheLinksOfBothRoles()
    {
        await using var ui = UiTestContext.Create(null, Roles.Marketer, Roles.Analyst);

        var cut = ui.Render<NavMenu>();

        Assert.Equal("import,audit", string.Join(',', cut.FindAll("[data-nav]").Select(a => a.GetAttribute("data-nav"))));
    }
}
