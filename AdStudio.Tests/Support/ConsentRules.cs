using AdStudio.Core.Privacy;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Support;

/// <summary>The consent pieces the app wires up, for tests that build an event store or importer by hand.</summary>
public static class ConsentRules
{
    /// <summary>A fixed pseudonym key: tests compute suppression keys with the same instance.</summary>
    public static ShopperPseudonyms Pseudonyms { get; } = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static Suppressions Suppressions { get; } = new(Pseudonyms);

    public static IngestConsent For(string consentModel, TimeProvider clock) =>
        new(Options.Create(new PrivacyOptions { ConsentModel = consentModel }), Suppressions, clock);
}
