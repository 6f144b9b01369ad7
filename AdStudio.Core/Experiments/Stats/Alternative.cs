namespace AdStudio.Core.Experiments.Stats;

/// <summary>The alternative hypothesis about the effect.</summary>
public enum Alternative
{
    TwoSided,

    /// <summary>Treatment is better (effect &gt; 0).</summary>
    Greater,

    /// <summary>Treatment is worse (effect &lt; 0).</summary>
    Less,
}
