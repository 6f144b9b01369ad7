using AdStudio.Core.Serving;
using NetArchTest.Rules;

namespace AdStudio.Tests.Core.Architecture;

/// <summary>
/// Serving may use Modeling (it scores with the active models); Modeling must not use Serving, so training and
/// model code never depend on the hot path and the two never import each other in a circle (docs/modeling.md).
/// </summary>
public class DependencyDirectionTests
{
    [Fact]
    public void ModelingTypes_DependOnServing_Never()
    {
        // Arrange
        var modeling = Types.InAssembly(typeof(ServingSnapshot).Assembly).That().ResideInNamespaceStartingWith("AdStudio.Core.Modeling");

        // Act
        var result = modeling.ShouldNot().HaveDependencyOn("AdStudio.Core.Serving").GetResult();

        // Assert
        Assert.True(result.IsSuccessful, "Modeling types that use Serving: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void ModelingNamespace_HasTypes_SoTheRuleAboveCanFail()
    {
        var modeling = Types.InAssembly(typeof(ServingSnapshot).Assembly).That().ResideInNamespaceStartingWith("AdStudio.Core.Modeling").GetTypes();

        Assert.Contains(modeling, type => type.Name == "ModelScorer");
    }
}
