using System.Security.Cryptography;
using AdStudio.Core.Auditing;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Storefront;
using AdStudio.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Storefront;

/// <summary>
/// Creates, lists and revokes storefront keys for the admin API and page. Each change is audited and rebuilds this
/// node's key ring before it returns, so a revoked key stops working at once here (other nodes: at their next refresh).
/// </summary>
public sealed class StorefrontKeyService(
    IDbContextFactory<AdStudioDb> dbFactory, StorefrontKeyRefresher refresher, IOptions<AuthOptions> auth, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const string KeyPrefix = "as_";
    private const int PrefixLength = 8;

    public async Task<IReadOnlyList<StorefrontKeyDto>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = await db.StorefrontKeys.AsNoTracking().ToListAsync(ct);
        return [.. keys.OrderBy(k => k.RevokedAt is not null).ThenBy(k => k.Name, StringComparer.OrdinalIgnoreCase).Select(StorefrontKeyDto.From)];
    }

    /// <summary>A new key of 32 random bytes (base64url after <c>as_</c>); only its SHA-256 and first characters are kept.</summary>
    public async Task<StorefrontKeyCreation> CreateAsync(string? name, string actor, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > MaxNameLength)
        {
            return new(null, $"name is required and at most {MaxNameLength} characters.", null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A handful of keys at most: compared here, case-insensitively, the same on SQLite and PostgreSQL.
        var active = await db.StorefrontKeys.Where(k => k.RevokedAt == null).Select(k => k.Name).ToListAsync(ct);
        var taken = active.Contains(trimmed, StringComparer.OrdinalIgnoreCase)
            || Enumerable.Range(0, auth.Value.StorefrontKeys.Length).Any(i => string.Equals(StorefrontKeyRing.ConfigKeyName(i), trimmed, StringComparison.OrdinalIgnoreCase));
        if (taken)
        {
            return new(null, null, $"An active storefront key is already named '{trimmed}'. Pick another name or revoke that key first.");
        }

        var secret = KeyPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var key = new StorefrontKey
        {
            Name = trimmed,
            KeyHash = StorefrontKeyRing.HashHex(secret),
            Prefix = secret[..PrefixLength],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.StorefrontKeys.Add(key);
            await db.SaveChangesAsync(ct);
            AuditTrail.Add(db, AuditTrail.StorefrontKey, key.Id, actor, "created", $"name {key.Name}, prefix {key.Prefix}", key.CreatedAt);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        await refresher.RefreshAsync(CancellationToken.None);
        return new(new CreatedStorefrontKey(key.Id, key.Name, secret), null, null);
    }

    /// <summary>Revokes key <paramref name="id"/>: false when there is no such key; a key revoked already stays as it was.</summary>
    public async Task<bool> RevokeAsync(int id, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.StorefrontKeys.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return false;
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            key.RevokedBy = actor;
            AuditTrail.Add(db, AuditTrail.StorefrontKey, key.Id, actor, "revoked", $"name {key.Name}, prefix {key.Prefix}", key.RevokedAt.Value);
            await db.SaveChangesAsync(ct);
        }

        // Rebuilt even when it was revoked already: another node's revocation may not have reached this ring yet.
        await refresher.RefreshAsync(CancellationToken.None);
        return true;
    }

    private static string Base64UrlEncode(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
