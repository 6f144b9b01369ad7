namespace AdStudio.Core.Creatives;

public enum CreativeStatus
{
    Draft = 0,
    PendingReview = 1,
    Approved = 2,
    Rejected = 3,
}
