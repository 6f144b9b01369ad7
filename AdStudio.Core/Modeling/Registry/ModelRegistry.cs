using System.Data.Common;
using AdStudio.Core.Auditing;
using AdStudio.Core.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Modeling.Registry;

/// <summary>Manual registry actions: promote a version to active, or roll back to the previously active one.</summary>
public sealed class ModelRegistry(IDbContextFactory<AdStudioDb> dbFactory, TimeProvider clock)
{
    public const string AuditEntity = AuditTrail.Model;

    // SQLITE_CONSTRAINT_UNIQUE: https://www.sqlite.org/rescode.html#constraint_unique
    private const int SqliteUniqueConstraint = 2067;

    /// <summary>Makes <paramref name="id"/> the active model of its kind and retires the one it replaces.</summary>
    /// <exception cref="KeyNotFoundException">No such version.</exception>
    public async Task<ModelVersion> PromoteAsync(int id, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.ModelVersions.FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new KeyNotFoundException($"Model {id} does not exist.");
        await ActivateAsync(db, version, actor, "promoted by hand", ct);
        return version;
    }

    /// <summary>Re-activates the model of <paramref name="kind"/> that was active before the current one.</summary>
    /// <exception cref="InvalidOperationException">There is nothing to roll back to.</exception>
    public async Task<ModelVersion> RollBackAsync(ModelKind kind, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await db.ModelVersions.FirstOrDefaultAsync(v => v.Kind == kind && v.Status == ModelStatus.Active, ct);
        var previous = await db.ModelVersions
            .Where(v => v.Kind == kind && v.Status == ModelStatus.Retired && v.ActivatedAt != null && (active == null || v.Id != active.Id))
            .OrderByDescending(v => v.ActivatedAt).ThenByDescending(v => v.Id)
            .FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"No earlier active {kind.ToString().ToUpperInvariant()} model to roll back to.");
        await ActivateAsync(db, previous, actor, active is null ? "rolled back" : $"rolled back from model {active.Id}", ct);
        return previous;
    }

    /// <summary>
    /// Retires the active model of the version's kind and activates the (saved) version with its audit entry, in one
    /// transaction: the retirement is written first, so the database's one-active-model-per-kind index never sees two.
    /// </summary>
    /// <exception cref="ModelActivationConflictException">Another activation of the same kind won a race (the index refused this one).</exception>
    internal async Task ActivateAsync(AdStudioDb db, ModelVersion version, string actor, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.ModelVersions
                .Where(v => v.Kind == version.Kind && v.Status == ModelStatus.Active && v.Id != version.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, ModelStatus.Retired), ct);
            version.Status = ModelStatus.Active;
            version.ActivatedAt = now;
            AuditTrail.Add(db, AuditEntity, version.Id, actor, "activated", $"{version.Kind} {version.Trainer}: {reason}", now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            throw new ModelActivationConflictException(
                $"Another {version.Kind.ToString().ToUpperInvariant()} model was activated at the same time; model {version.Id} was not activated. Reload and try again.",
                ex);
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteUniqueConstraint,
        DbException db => db.SqlState == "23505",
        _ => false,
    };
}
