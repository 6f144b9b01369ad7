using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Training;
using Microsoft.Extensions.Configuration;

namespace AdStudio.Tests.Core.Modeling;

public class ModelingOptionsTests
{
    private static ModelingOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ModelingOptions.SectionName).Get<ModelingOptions>() ?? new ModelingOptions();

    [Fact]
    public void Trainers_ListedInConfiguration_AreExactlyThoseListed() =>
        // Binding appends to a list that already has items; a non-empty default would double every trainer.
        Assert.Equal(["ffm", "lightgbm"], Bind(new() { ["Modeling:Trainers:0"] = "ffm", ["Modeling:Trainers:1"] = "lightgbm" }).EffectiveTrainers);

    [Fact]
    public void Trainers_NotConfigured_MeanAllFour() =>
        Assert.Equal(TrainerKind.All, Bind(new() { ["Modeling:ValidationDays"] = "3" }).EffectiveTrainers);
}
