namespace AdStudio.Core.Modeling.Training;

/// <summary>
/// One training row: an impression described only by what was known before it, whether it was clicked and, if so,
/// whether the click converted. Click models learn <see cref="Clicked"/> over all rows; conversion models learn
/// <see cref="Converted"/> over the clicked ones.
/// </summary>
public sealed record ClickRow(DateTime At, string ShopperId, int CreativeId, int Hour, float[] Features, bool Clicked, bool Converted = false)
{
    public bool Label(ModelKind kind) => kind == ModelKind.Cvr ? Converted : Clicked;
}
