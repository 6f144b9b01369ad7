using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Privacy.Consent;

/// <summary>Reads the consent records and computes the shares per day (or per week over a long history) up to today.</summary>
public sealed class ConsentShareService(IDbContextFactory<AdStudioDb> dbFactory, TimeProvider clock)
{
    /// <summary>The points to chart, oldest first; empty when there are no consent records.</summary>
    public async Task<IReadOnlyList<ConsentSharePoint>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only the four columns, in time order (ties by id: the later record wins), read once.
        var changes = await db.ConsentRecords.AsNoTracking().OrderBy(r => r.OccurredAt).ThenBy(r => r.Id)
            .Select(r => new ConsentChange(r.ShopperId, r.Personalisation, r.Measurement, r.OccurredAt))
            .ToListAsync(cancellationToken);
        if (changes.Count == 0)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = DateOnly.FromDateTime(changes[0].OccurredAt);
        return ConsentShareSeries.AsOf(changes, ConsentShareSeries.Days(first < today ? first : today, today));
    }
}
