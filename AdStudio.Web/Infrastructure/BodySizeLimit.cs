using Microsoft.AspNetCore.Http.Metadata;

namespace AdStudio.Web.Infrastructure;

/// <summary>Endpoint metadata that routing applies to Kestrel's body size limit before the handler reads the body.</summary>
public sealed class BodySizeLimit(long maxRequestBodySize) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxRequestBodySize;
}
