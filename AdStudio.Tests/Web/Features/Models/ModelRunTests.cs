using AdStudio.Core.Modeling;
using AdStudio.Web.Features.Models;

namespace AdStudio.Tests.Web.Features.Models;

public sealed class ModelRunTests
{
    private static readonly DateTime First = new(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc);

    private static ModelVersion Version(DateTime at, string trainer, double auc, ModelStatus status = ModelStatus.Candidate, DateTime? activated = null) => new()
    {
        Kind = ModelKind.Ctr,
        Trainer = trainer,
        FileName = $"{trainer}-{at:yyyyMMdd}.zip",
        Rows = 5000,
        Auc = auc,
        LogLoss = 0.11,
        TrainedAt = at,
        Status = status,
        ActivatedAt = activated,
    };

    [Fact]
    public void Group_RunRepeatingThePreviousOne_IsNoChange_OtherRunsAreNot()
    {
        var second = First.AddDays(1);
        var third = First.AddDays(2);
        ModelVersion[] versions =
        [
            Version(First, "lr", 0.70, ModelStatus.Active, First), Version(First, "lightgbm", 0.69),
            Version(second, "lr", 0.70), Version(second, "lightgbm", 0.69),
            Version(third, "lr", 0.71), Version(third, "lightgbm", 0.69),
        ];

        var runs = ModelRun.Group(versions);

        Assert.Equal([third, second, First], runs.Select(r => r.TrainedAt));
        Assert.Equal([false, true, false], runs.Select(r => r.IsNoChange));
        Assert.Equal(["lr", "lightgbm"], runs[0].Versions.Select(v => v.Trainer));
    }

    [Fact]
    public void Group_RepeatedRunWhoseVersionWasPromoted_IsAChange()
    {
        var second = First.AddDays(1);
        ModelVersion[] versions = [Version(First, "lr", 0.70), Version(second, "lr", 0.70, ModelStatus.Active, second)];

        var runs = ModelRun.Group(versions);

        Assert.False(runs[0].IsNoChange);
        Assert.Contains("serves", runs[0].Summary(ModelKind.Ctr), StringComparison.Ordinal);
        Assert.Equal("CVR: not trained", runs[0].Summary(ModelKind.Cvr));
    }
}
