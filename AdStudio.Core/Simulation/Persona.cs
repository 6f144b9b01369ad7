namespace AdStudio.Core.Simulation;

/// <summary>
/// A kind of shopper the simulator draws from. Each shopper's latent traits scatter around the
/// persona's: interests ~ Dirichlet(<see cref="InterestAlpha"/>), price sensitivity ~ Beta with mean
/// <see cref="PriceSensitivity"/>, peak hour ~ Normal(<see cref="PeakHour"/>, 2 h), sessions per day
/// ~ Gamma(shape 2, mean <see cref="SessionsPerDay"/>).
/// </summary>
public sealed record Persona(
    string Name,
    double Share,
    double[] InterestAlpha,
    double PriceSensitivity,
    double PeakHour,
    double SessionsPerDay,
    string[] AgeBands,
    double FemaleShare);
