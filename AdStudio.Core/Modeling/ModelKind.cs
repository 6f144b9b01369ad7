namespace AdStudio.Core.Modeling;

public enum ModelKind
{
    Ctr = 0,
    Cvr = 1,
}
