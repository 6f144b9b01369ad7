using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Privacy;

/// <summary>
/// The shoppers whose consent rules a purpose out, as sub-queries every reader filters with, so each purpose is
/// decided by one expression. A withdrawal is honoured even while rows made under the old consent still exist
/// (their deletion happens elsewhere and may lag): readers skip them from the next read on.
/// </summary>
/// <remarks>
/// Rows of an id with no shopper record are not ruled out here: ingestion creates the record for every shopper
/// it sees, so such a row predates that rule and carries no consent decision to enforce.
/// </remarks>
public static class ConsentQueries
{
    /// <summary>Ids of shoppers who do not allow personalisation: no profile, membership, predicted audience, model features or personalised copy.</summary>
    public static IQueryable<string> WithoutPersonalisation(AdStudioDb db) =>
        db.Shoppers.Where(s => !s.AllowsPersonalisation).Select(s => s.Id);

    /// <summary>Ids of shoppers who do not allow measurement: left out of experiment analysis.</summary>
    public static IQueryable<string> WithoutMeasurement(AdStudioDb db) =>
        db.Shoppers.Where(s => !s.AllowsMeasurement).Select(s => s.Id);

    /// <summary>
    /// <paramref name="ids"/> without the shoppers who do not allow personalisation, in their order: for member lists computed
    /// from an in-memory audience that may predate a withdrawal. Reads in chunks, so the list may be long.
    /// </summary>
    public static async Task<List<string>> PersonalisableAsync(AdStudioDb db, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var withdrawn = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            withdrawn.UnionWith(await db.Shoppers.AsNoTracking().Where(s => !s.AllowsPersonalisation && chunk.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct));
        }

        return withdrawn.Count == 0 ? [.. ids] : [.. ids.Where(id => !withdrawn.Contains(id))];
    }
}
