using AdStudio.Core.Serving;

namespace AdStudio.Tests.Core.Serving;

public sealed class FrequencyCounterTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(SnapshotFactory.Now);
    private static readonly ServingSnapshot Snapshot = SnapshotFactory.Snapshot([]);

    [Fact]
    public void AbandonRebuild_AfterImpressionsBeforeAndDuring_KeepsEveryLiveCount()
    {
        var counter = new FrequencyCounter();
        counter.Record("s1", 7, Today);
        counter.BeginRebuild();
        counter.Record("s1", 7, Today);

        counter.AbandonRebuild();

        Assert.Equal(2, counter.SeenOn(Snapshot, "s1", 7, Today));
    }

    [Fact]
    public void CompleteRebuild_AfterImpressionsDuringTheBuild_KeepsThoseAndDropsEarlierOnes()
    {
        var counter = new FrequencyCounter();
        counter.Record("s1", 7, Today);
        counter.Record("s1", 7, Today);
        counter.BeginRebuild();
        counter.Record("s1", 7, Today);
        counter.Record("s2", 7, Today);

        counter.CompleteRebuild();

        // The two impressions before the begin are the new snapshot's to count (it read the database after the begin).
        Assert.Equal(1, counter.SeenOn(Snapshot, "s1", 7, Today));
        Assert.Equal(1, counter.SeenOn(Snapshot, "s2", 7, Today));
    }

    [Fact]
    public void SeenOn_DuringARebuild_CountsEverythingSinceTheCurrentSnapshot()
    {
        var counter = new FrequencyCounter();
        counter.Record("s1", 7, Today);
        counter.BeginRebuild();
        counter.Record("s1", 7, Today);

        var seen = counter.SeenOn(Snapshot, "s1", 7, Today);

        Assert.Equal(2, seen);
    }

    [Fact]
    public void CompleteRebuild_WithoutABegin_KeepsLiveCounts()
    {
        var counter = new FrequencyCounter();
        counter.Record("s1", 7, Today);

        counter.CompleteRebuild();

        Assert.Equal(1, counter.SeenOn(Snapshot, "s1", 7, Today));
    }

    [Fact]
    public void CompleteRebuild_AfterChargesBeforeAndDuring_KeepsOnlyThoseSinceTheBegin()
    {
        var counter = new FrequencyCounter();
        counter.RecordCharge(7, Today, 1.5);
        counter.BeginRebuild();
        counter.RecordCharge(7, Today, 0.25);
        counter.RecordCharge(7, Today.AddDays(1), 2);
        counter.RecordCharge(8, Today, 0);

        var during = counter.SpentSince(7, Today);
        counter.CompleteRebuild();

        Assert.Equal((1.75, 3.75), during);
        Assert.Equal((0.25, 2.25), counter.SpentSince(7, Today));
        Assert.Equal((0, 0), counter.SpentSince(8, Today));
    }
}
