namespace AdStudio.Core.Serving;

/// <summary>The words a client reads when a decision id is refused; the id is quoted so the client knows which one.</summary>
public static class DecisionIdMessages
{
    // Ids are echoed back, but never an unbounded amount of whatever was sent. Tracking ids are quoted up to the longest
    // sealed ticket, so a client sees the whole ticket it sent.
    private const int MaxQuotedLength = 100;

    /// <summary>Why the id in a tracking URL (a sealed ticket, or a decision id issued before them) was refused, naming it.</summary>
    public static string DescribeTracking(DecisionIdStatus status, string? id) => status == DecisionIdStatus.WrongLength
        ? $"Tracking id {Quote(id, MaxQuotedLength)} is not a tracking ticket: it has {id?.Length ?? 0} characters, a tracking ticket has "
          + $"{TrackingTicketCodec.MinEncodedLength} to {TrackingTicketCodec.MaxEncodedLength}."
        : Describe(status, id, TrackingTicketCodec.MaxEncodedLength);

    /// <summary>Why the id was refused, naming it.</summary>
    public static string Describe(DecisionIdStatus status, string? decisionId) => Describe(status, decisionId, MaxQuotedLength);

    private static string Describe(DecisionIdStatus status, string? decisionId, int maxQuoted)
    {
        var quoted = Quote(decisionId, maxQuoted);
        return status switch
        {
            DecisionIdStatus.WrongLength =>
                $"Decision id {quoted} is not a decision id: it has {decisionId?.Length ?? 0} characters, a decision id has {DecisionTokenCodec.EncodedLength}.",
            DecisionIdStatus.NotBase64Url => $"Decision id {quoted} is not valid base64url.",
            DecisionIdStatus.NotCanonical => $"Decision id {quoted} is altered (its last character is not the canonical base64url one).",
            DecisionIdStatus.UnknownVersion => $"Decision id {quoted} has a ticket format this server does not know.",
            DecisionIdStatus.UnknownKey => $"Decision id {quoted} is signed with a key this server does not accept (rotated out, or forged).",
            DecisionIdStatus.BadSignature => $"Decision id {quoted} is altered, or was issued for another shopper.",
            DecisionIdStatus.ShopperMissing => $"The tracking URL of decision id {quoted} lacks its shopper parameter 's'.",
            DecisionIdStatus.SealedOnly =>
                $"Decision id {quoted} was issued with sealed tracking URLs: use the clickUrl and impressionUrl /serve answered, shopper ids no longer travel in URLs.",
            _ => $"Decision id {quoted} is valid.",
        };
    }

    private static string Quote(string? decisionId, int maxQuoted) =>
        decisionId is null ? "(none)"
            : decisionId.Length <= maxQuoted ? $"'{decisionId}'"
            : $"'{decisionId[..maxQuoted]}…' ({decisionId.Length} characters)";
}
