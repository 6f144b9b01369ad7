using AdStudio.Core.Shop;

namespace AdStudio.Core.Serving;

/// <summary>
/// A campaign as one placement sees it, resolved once per snapshot: the creatives that fit the placement and, for a
/// running experiment, each arm's creative (null when it is not an approved creative of the campaign), whether
/// it fits, and the arms' weight-averaged smoothed CTR that every arm competes with.
/// </summary>
public sealed class CampaignCandidate
{
    public CampaignCandidate(ServingCampaign campaign, PlacementSize size)
    {
        Campaign = campaign;
        Fitting = [.. campaign.Creatives.Where(creative => size.Fits(creative.Width, creative.Height))];
        if (campaign.Experiment is { } experiment)
        {
            ArmCreatives = [.. experiment.CreativeIds.Select(id => Array.Find(campaign.Creatives, creative => creative.Id == id))];
            ArmFits = [.. ArmCreatives.Select(creative => creative is not null && size.Fits(creative.Width, creative.Height))];
            PooledSmoothedCtr = CreativeChooser.PooledRate(this, model: null, shopper: null, default, "");
        }
    }

    public ServingCampaign Campaign { get; }

    /// <summary>The campaign's creatives that fit the placement, in the campaign's order.</summary>
    public ServingCreative[] Fitting { get; }

    /// <summary>Per experiment arm (control first), its creative; empty without an experiment.</summary>
    public ServingCreative?[] ArmCreatives { get; } = [];

    /// <summary>Per experiment arm, whether its creative exists and fits the placement (otherwise the arm's shoppers see the best fitting creative).</summary>
    public bool[] ArmFits { get; } = [];

    /// <summary>The arms' smoothed CTRs averaged by weight: the experiment's score without a click model.</summary>
    public double PooledSmoothedCtr { get; }
}
