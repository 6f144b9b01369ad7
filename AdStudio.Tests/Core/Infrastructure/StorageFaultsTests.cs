using AdStudio.Core.Infrastructure;
using Microsoft.Data.Sqlite;

namespace AdStudio.Tests.Core.Infrastructure;

public sealed class StorageFaultsTests
{
    [Theory]
    [InlineData(5, StorageFaultKind.Locked)]
    [InlineData(6, StorageFaultKind.Locked)]
    [InlineData(8, StorageFaultKind.ReadOnly)]
    [InlineData(8 | (1 << 8), StorageFaultKind.ReadOnly)]
    [InlineData(13, StorageFaultKind.Full)]
    [InlineData(10, StorageFaultKind.IoError)]
    [InlineData(14, StorageFaultKind.IoError)]
    [InlineData(19, StorageFaultKind.None)]
    public void Classify_SqliteResultCode_NamesTheFault(int code, StorageFaultKind expected)
    {
        var wrapped = new InvalidOperationException("outer", new SqliteException("inner", code));

        Assert.Equal(expected, StorageFaults.Classify(wrapped));
    }

    [Theory]
    [InlineData(StorageFaultKind.Locked, false)]
    [InlineData(StorageFaultKind.ReadOnly, true)]
    [InlineData(StorageFaultKind.Full, true)]
    [InlineData(StorageFaultKind.IoError, true)]
    [InlineData(StorageFaultKind.None, false)]
    public void PoisonsConnections_OnlyFaultsThatCanOutliveTheirCause_EmptyThePool(StorageFaultKind fault, bool expected) =>
        Assert.Equal(expected, StorageFaults.PoisonsConnections(fault));
}
