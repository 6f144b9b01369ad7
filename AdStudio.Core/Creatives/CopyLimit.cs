namespace AdStudio.Core.Creatives;

/// <summary>How much copy fits a placement.</summary>
public sealed class CopyLimit
{
    public int Headline { get; set; } = 40;

    public int Body { get; set; } = 90;
}
