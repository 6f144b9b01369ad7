using AdStudio.Core.Accounts;
using AdStudio.Core.Auditing;
using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Web.Features.Accounts;

/// <summary>Writes what people do to their own account (sign-out, password, two-factor) to the audit log.</summary>
public sealed class AccountAudit(IDbContextFactory<AdStudioDb> dbFactory, TimeProvider clock)
{
    public const string SignedOut = "signed-out";
    public const string PasswordChanged = "password-changed";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string TwoFactorDisabled = "two-factor-disabled";
    public const string RecoveryCodesReset = "recovery-codes-reset";

    public async Task RecordAsync(AdStudioUser user, string action, string detail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        AuditTrail.Add(db, AuditTrail.User, user.Id, user.Email ?? $"user {user.Id}", action, detail, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}
