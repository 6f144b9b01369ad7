using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AdStudio.Core.Serving;

namespace AdStudio.Tests.Support;

/// <summary>
/// Decision ids in the version 2 format that tracking URLs carried with <c>?s=</c> before sealed tickets, recomputed
/// independently of the codec: the version byte, key id and fields of a current id, then HMAC-SHA256 over them and the
/// shopper id, cut to 12 bytes.
/// </summary>
public static class LegacyDecisionIds
{
    private const int PayloadLength = DecisionTokenCodec.TokenLength - 12;

    public static string VersionTwo(byte[] key, string currentId, string shopperId)
    {
        var bytes = Base64Url.DecodeFromChars(currentId);
        bytes[0] = DecisionTokenCodec.KeyIdVersion;
        byte[] message = [.. bytes.AsSpan(0, PayloadLength), .. Encoding.UTF8.GetBytes(shopperId)];
        var tag = HMACSHA256.HashData(key, message);
        tag.AsSpan(0, 12).CopyTo(bytes.AsSpan(PayloadLength));
        return Base64Url.EncodeToString(bytes);
    }
}
