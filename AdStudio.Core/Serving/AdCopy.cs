using System.Globalization;
using AdStudio.Core.Creatives.Copy;

namespace AdStudio.Core.Serving;

/// <summary>A creative's copy as one shopper reads it, placeholders filled from what is known about them.</summary>
public sealed record AdCopy(string Headline, string Body, string CallToAction)
{
    public static AdCopy For(ServingCreative creative, ShopperTraits traits)
    {
        // Most copy has no placeholders: answer it on the /serve hot path without building the value table.
        if (!creative.IsTemplate)
        {
            return new AdCopy(creative.Headline, creative.Body, creative.CallToAction);
        }

        var values = new Dictionary<string, string?>
        {
            [CopyTemplate.TopCategory] = traits.TopCategory,
            [CopyTemplate.Region] = traits.Region,
            [CopyTemplate.Discount] = creative.Discount > 0 ? (creative.Discount * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : null,
        };
        return new AdCopy(
            CopyTemplate.Render(creative.Headline, values),
            CopyTemplate.Render(creative.Body, values),
            CopyTemplate.Render(creative.CallToAction, values));
    }

    /// <summary>Whether <paramref name="text"/> has a <c>{{placeholder}}</c>.</summary>
    public static bool HasPlaceholder(string text) => text.Contains("{{", StringComparison.Ordinal);
}
