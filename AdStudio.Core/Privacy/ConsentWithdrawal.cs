using System.Data.Common;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Privacy;

/// <summary>
/// Removes what a purpose allowed once a shopper withdraws it, inside the caller's transaction (the one that wrote the
/// consent), on both engines. The per-purpose tables are listed here, so an audit reads one place.
/// </summary>
public static class ConsentWithdrawal
{
    /// <summary>Tables whose rows of a shopper exist only by personalisation consent: deleted on withdrawal.</summary>
    public static readonly IReadOnlyList<string> PersonalisationTables =
        ["BehaviourEvents", "Profiles", "SegmentMembers", "ClusterAssignments", "CampaignAudienceMembers"];

    /// <summary>
    /// Tables that keep a shopper id only by measurement consent: the id is set to null on withdrawal, the rows stay
    /// (they still count in rollups and campaign totals).
    /// </summary>
    public static readonly IReadOnlyList<string> MeasurementTables = ["AdEvents"];

    /// <summary>Removes, for each shopper, what the purposes they no longer allow had stored; returns the rows touched.</summary>
    public static async Task<long> ApplyAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<string> withoutPersonalisation,
        IReadOnlyList<string> withoutMeasurement, CancellationToken ct)
    {
        long touched = 0;
        if (withoutPersonalisation.Count > 0)
        {
            foreach (var table in PersonalisationTables)
            {
                touched += (await SqlBatch.NonQueryAsync(connection, transaction,
                    $"""DELETE FROM "{table}" WHERE "ShopperId" = @shopper""", ["@shopper"], withoutPersonalisation, Bind, ct)).Sum();
            }
        }

        if (withoutMeasurement.Count > 0)
        {
            foreach (var table in MeasurementTables)
            {
                touched += (await SqlBatch.NonQueryAsync(connection, transaction,
                    $"""UPDATE "{table}" SET "ShopperId" = NULL WHERE "ShopperId" = @shopper""", ["@shopper"], withoutMeasurement, Bind, ct)).Sum();
            }
        }

        return touched;
    }

    private static void Bind(string shopperId, object?[] values) => values[0] = shopperId;
}
