namespace AdStudio.Core.Privacy.Consent;

/// <summary>
/// Consent at the end of one UTC day: of the <see cref="Shoppers"/> with a consent record by then, how many allowed each
/// purpose in their latest record.
/// </summary>
public sealed record ConsentSharePoint(DateOnly Day, int Shoppers, int Personalisation, int Measurement)
{
    /// <summary>Share (0–1) allowing personalisation; 0 when nobody has a record yet.</summary>
    public double PersonalisationShare => Shoppers == 0 ? 0 : Personalisation / (double)Shoppers;

    /// <summary>Share (0–1) allowing measurement; 0 when nobody has a record yet.</summary>
    public double MeasurementShare => Shoppers == 0 ? 0 : Measurement / (double)Shoppers;
}
