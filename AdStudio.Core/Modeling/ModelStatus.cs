namespace AdStudio.Core.Modeling;

public enum ModelStatus
{
    Candidate = 0,
    Active = 1,
    Retired = 2,
}
