using AdStudio.Core.Serving;

namespace AdStudio.Tests.Core.Serving;

public class AdCopyTests
{
    private static readonly ServingCreative Templated = new(
        1, "{{discount}} off {{top_category|our bestsellers}}", "/x.png", "https://shop.example", "books", 300, 250, 0.02,
        Body: "Free delivery in {{region|your area}}", CallToAction: "Shop {{top_category|now}}", Discount: 0.2);

    [Fact]
    public void For_KnownShopper_FillsTheirTraits()
    {
        var copy = AdCopy.For(Templated, new ShopperTraits("North", "books"));

        Assert.Equal(new AdCopy("20% off books", "Free delivery in North", "Shop books"), copy);
    }

    [Fact]
    public void For_NewVisitor_ReadsTheFallbacks()
    {
        var copy = AdCopy.For(Templated, ShopperTraits.Unknown);

        Assert.Equal(new AdCopy("20% off our bestsellers", "Free delivery in your area", "Shop now"), copy);
    }
}
