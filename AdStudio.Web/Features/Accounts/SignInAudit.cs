using AdStudio.Core.Accounts;
using AdStudio.Core.Auditing;
using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Web.Features.Accounts;

/// <summary>Writes every sign-in and failed sign-in to the audit log, with the real reason the caller is not told.</summary>
public sealed partial class SignInAudit(IDbContextFactory<AdStudioDb> dbFactory, TimeProvider clock, ILogger<SignInAudit> logger)
{
    public async Task RecordAsync(
        AdStudioUser? user, string? attemptedEmail, bool succeeded, string reason, string via, HttpContext context, CancellationToken ct)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown address";
        var actor = user?.Email ?? (string.IsNullOrWhiteSpace(attemptedEmail) ? "anonymous" : attemptedEmail.Trim());
        if (succeeded)
        {
            LogSignedIn(logger, user?.Id, via, address);
        }
        else
        {
            LogFailed(logger, reason, user?.Id, via, address);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        AuditTrail.Add(
            db, AuditTrail.User, user?.Id ?? 0, actor, succeeded ? "signed-in" : "sign-in-failed",
            succeeded ? $"{via} from {address}" : $"{reason}; {via} from {address}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in of user {UserId} by {Via} from {Address}")]
    private static partial void LogSignedIn(ILogger logger, int? userId, string via, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in ({Reason}) for user {UserId} by {Via} from {Address}")]
    private static partial void LogFailed(ILogger logger, string reason, int? userId, string via, string address);
}
