namespace AdStudio.Core.Simulation;

/// <summary>A shopper of the simulated world with the latent traits that drive what they do.</summary>
public sealed record SimulatedShopper(
    string Id,
    int PersonaIndex,
    double[] Interests,
    double PriceSensitivity,
    double PeakHour,
    double SessionsPerDay,
    bool HasTrackingConsent,
    string AgeBand,
    string Gender,
    string Region);
