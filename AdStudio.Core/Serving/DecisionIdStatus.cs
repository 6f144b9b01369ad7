namespace AdStudio.Core.Serving;

/// <summary>What <see cref="DecisionTokenCodec.Decode"/> found in a decision id.</summary>
public enum DecisionIdStatus
{
    /// <summary>Authentic, for this shopper, signed with a key this server accepts.</summary>
    Valid = 0,

    /// <summary>Missing, or not the length of any decision id format.</summary>
    WrongLength,

    /// <summary>Holds characters outside the base64url alphabet (or padding).</summary>
    NotBase64Url,

    /// <summary>Decodes, but is not the one canonical encoding of its bytes (its last character was altered).</summary>
    NotCanonical,

    /// <summary>A ticket format version this server does not know.</summary>
    UnknownVersion,

    /// <summary>Signed with a key that is neither the current nor a previous signing key.</summary>
    UnknownKey,

    /// <summary>The signature does not match: altered, or issued for another shopper.</summary>
    BadSignature,

    /// <summary>A tracking URL with a bare decision id (the format before sealed tickets) lacks its shopper parameter.</summary>
    ShopperMissing,

    /// <summary>A bare decision id issued with a sealed tracking ticket: its tracking URLs are the sealed ones only.</summary>
    SealedOnly,
}
