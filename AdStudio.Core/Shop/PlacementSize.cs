namespace AdStudio.Core.Shop;

/// <summary>The pixel size of an ad slot; a creative fits a placement when its image has exactly this size.</summary>
public sealed class PlacementSize
{
    public int Width { get; set; }

    public int Height { get; set; }

    public bool Fits(int width, int height) => width == Width && height == Height;

    public override string ToString() => $"{Width}×{Height}";
}
