using AdStudio.Core.Creatives.Audit;
using AdStudio.Core.Creatives.Images;
using AdStudio.Core.Shop;

namespace AdStudio.Core.Creatives.Uploads;

/// <summary>
/// Every check an uploaded file must pass before anything of its batch is stored: content type, size, a full decode
/// within the pixel limit (<see cref="ImageInspector"/>), and a size that fits a placement. Pure: it writes nothing.
/// </summary>
public static class UploadChecks
{
    /// <summary>Checks all files (never stopping at the first bad one, so the sender learns every problem at once).</summary>
    public static (IReadOnlyList<CheckedUpload> Passed, IReadOnlyList<RefusedFile> Refused) Run(
        IReadOnlyList<UploadFile> files, CreativeOptions options, IReadOnlyDictionary<string, PlacementSize> placements)
    {
        var passed = new List<CheckedUpload>(files.Count);
        var refused = new List<RefusedFile>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            InspectedImage image;
            try
            {
                image = ImageInspector.Inspect(file.Data, options.MaxUploadBytes, options.MaxPixels);
            }
            catch (ImageRejectedException ex)
            {
                refused.Add(new RefusedFile(i, file.FileName, ex.Message));
                continue;
            }

            if (!placements.Values.Any(placement => placement.Fits(image.Width, image.Height)))
            {
                refused.Add(new RefusedFile(i, file.FileName, NoPlacement(image, placements)));
                continue;
            }

            passed.Add(new CheckedUpload(file.FileName, image));
        }

        return (passed, refused);
    }

    private static string NoPlacement(InspectedImage image, IReadOnlyDictionary<string, PlacementSize> placements) =>
        $"The image is {image.Width}×{image.Height}, which fits no placement. Use one of: {CreativeAuditor.Formats(placements)}.";
}
