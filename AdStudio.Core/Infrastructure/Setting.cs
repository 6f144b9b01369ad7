namespace AdStudio.Core.Infrastructure;

/// <summary>A small durable key/value fact, such as a watermark or a "demo seeded" marker.</summary>
public sealed class Setting
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}
