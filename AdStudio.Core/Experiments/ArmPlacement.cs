using AdStudio.Core.Creatives;

namespace AdStudio.Core.Experiments;

/// <summary>
/// The rule that every arm of an experiment shows a creative of the same placement size as the control: a sidebar
/// rectangle against a leaderboard banner measures the slot, not the creative. A placement is an exact pixel size.
/// </summary>
public static class ArmPlacement
{
    /// <summary>The index of the first arm whose creative has another size than the control's (arm 0); null when all fit.</summary>
    public static int? FirstMismatch(IReadOnlyList<Creative> armCreatives)
    {
        for (var i = 1; i < armCreatives.Count; i++)
        {
            if (!SameSize(armCreatives[0], armCreatives[i]))
            {
                return i;
            }
        }

        return null;
    }

    public static bool SameSize(Creative first, Creative second) => first.Width == second.Width && first.Height == second.Height;

    /// <summary>Why an arm is refused, naming both creatives and their sizes.</summary>
    public static string Describe(Creative control, Creative odd) =>
        $"Every arm must fit the control's placement: \"{odd.Name}\" is {odd.Width}×{odd.Height} but the control \"{control.Name}\" is {control.Width}×{control.Height}. Choose a creative of the same size.";
}
