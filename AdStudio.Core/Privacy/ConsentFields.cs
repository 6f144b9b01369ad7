namespace AdStudio.Core.Privacy;

/// <summary>The names of the consent purposes, the same in a <c>consent</c> event and in the shopper CSV import's header.</summary>
public static class ConsentFields
{
    public const string Personalisation = "personalisation";
    public const string Measurement = "measurement";
}
