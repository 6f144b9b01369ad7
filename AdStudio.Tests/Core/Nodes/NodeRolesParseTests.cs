using AdStudio.Core.Nodes;

namespace AdStudio.Tests.Core.Nodes;

public sealed class NodeRolesParseTests
{
    [Fact]
    public void Parse_Null_IsEveryRole()
    {
        var roles = NodeRoles.Parse(null);

        Assert.True(roles.IsAll);
        Assert.Equal("ui,api,serve,jobs", roles.ToString());
    }

    [Theory]
    [InlineData("SERVE, jobs", "serve,jobs")]
    [InlineData("jobs,serve,jobs", "serve,jobs")]
    [InlineData("api", "api")]
    public void Parse_CommaSeparatedNames_IgnoresCaseSpacesAndRepeats(string value, string expected)
    {
        var roles = NodeRoles.Parse([value]);

        Assert.Equal(expected, roles.ToString());
        Assert.False(roles.IsAll);
    }

    [Fact]
    public void Parse_SeveralValues_JoinsThem()
    {
        var roles = NodeRoles.Parse(["ui", "api,serve"]);

        Assert.True(roles.Has(NodeRole.Serve));
        Assert.False(roles.Has(NodeRole.Jobs));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("worker")]
    [InlineData("")]
    public void Parse_UnknownOrNoRole_Throws(string value)
    {
        var error = Assert.Throws<FormatException>(() => NodeRoles.Parse([value]));

        Assert.Contains(NodeRoles.SettingName, error.Message, StringComparison.Ordinal);
    }
}
