namespace AdStudio.Core.Serving;

/// <summary>The words a client reads when a decision id is refused; the id is quoted so the client knows which one.</summary>
public static class DecisionIdMessages
{
    // Ids are echoed back, but never an unbounded amount of whatever was sent.
    private const int MaxQuotedLength = 100;

    /// <summary>Why the id was refused, naming it.</summary>
    public static string Describe(DecisionIdStatus status, string? decisionId)
    {
        var quoted = decisionId is null ? "(none)"
            : decisionId.Length <= MaxQuotedLength ? $"'{decisionId}'"
            : $"'{decisionId[..MaxQuotedLength]}…' ({decisionId.Length} characters)";
        return status switch
        {
            DecisionIdStatus.WrongLength =>
                $"Decision id {quoted} is not a decision id: it has {decisionId?.Length ?? 0} characters, a decision id has {DecisionTokenCodec.EncodedLength}.",
            DecisionIdStatus.NotBase64Url => $"Decision id {quoted} is not valid base64url.",
            DecisionIdStatus.NotCanonical => $"Decision id {quoted} is altered (its last character is not the canonical base64url one).",
            DecisionIdStatus.UnknownVersion => $"Decision id {quoted} has a ticket format this server does not know.",
            DecisionIdStatus.UnknownKey => $"Decision id {quoted} is signed with a key this server does not accept (rotated out, or forged).",
            DecisionIdStatus.BadSignature => $"Decision id {quoted} is altered, or was issued for another shopper.",
            _ => $"Decision id {quoted} is valid.",
        };
    }
}
