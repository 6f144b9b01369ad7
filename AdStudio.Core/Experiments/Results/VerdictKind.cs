namespace AdStudio.Core.Experiments.Results;

/// <summary>What the results allow a campaign manager to decide now.</summary>
public enum VerdictKind
{
    /// <summary>A sample-ratio mismatch: assignment or logging is broken, so no result can be trusted.</summary>
    DoNotDecide,

    /// <summary>Too few shoppers or events on the primary metric to read an interval.</summary>
    NotEnoughData,

    /// <summary>A treatment beats the control on the primary metric.</summary>
    TreatmentWins,

    /// <summary>Every treatment loses to the control on the primary metric.</summary>
    ControlWins,

    /// <summary>Every treatment's interval lies within the minimum detectable effect: no difference worth having.</summary>
    Equivalent,

    /// <summary>Not conclusive yet; keep collecting.</summary>
    KeepRunning,
}
