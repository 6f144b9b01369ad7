using System.Runtime.Versioning;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Core.Serving;

public sealed class DecisionKeyTests : IDisposable
{
    private readonly string _folder = TempFolder.Create("decision-key");
    private readonly DataPaths _paths;

    public DecisionKeyTests() => _paths = new DataPaths(_folder);

    public void Dispose() => TempFolder.Delete(_folder);

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Load_NoSecretNoFile_WritesOwnerOnlyKeyFileAndNoLeftovers()
    {
        var keys = DecisionKey.Load(new ServingOptions(), _paths);

        Assert.Equal(32, keys.Current.Length);
        Assert.Empty(keys.Previous);
        Assert.Equal(keys.Current, File.ReadAllBytes(_paths.DecisionKeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_paths.DecisionKeyFile));
        Assert.Equal([_paths.DecisionKeyFile], Directory.GetFiles(_folder, "decision-signing.key*"));
    }

    [Fact]
    public void Load_SecondStart_ReadsTheSameKey()
    {
        var first = DecisionKey.Load(new ServingOptions(), _paths);

        var second = DecisionKey.Load(new ServingOptions(), _paths);

        Assert.Equal(first.Current, second.Current);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Load_KeyFileReadableByOthers_IsTightenedToOwnerOnly()
    {
        File.WriteAllBytes(_paths.DecisionKeyFile, new byte[32]);
        File.SetUnixFileMode(_paths.DecisionKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var keys = DecisionKey.Load(new ServingOptions(), _paths);

        Assert.Equal(new byte[32], keys.Current);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_paths.DecisionKeyFile));
    }

    [Fact]
    public void Load_TruncatedKeyFile_IsReplacedByAFullKey()
    {
        File.WriteAllBytes(_paths.DecisionKeyFile, [1, 2, 3]);

        var keys = DecisionKey.Load(new ServingOptions(), _paths);

        Assert.Equal(32, keys.Current.Length);
        Assert.Equal(keys.Current, File.ReadAllBytes(_paths.DecisionKeyFile));
    }

    [Fact]
    public void Load_ConfiguredSecretWithPreviousSecretsAndOldKeyFile_SignsWithSecretAndAcceptsTheRest()
    {
        var generated = DecisionKey.Load(new ServingOptions(), _paths).Current;
        var options = new ServingOptions { DecisionSigningKey = "new-secret", PreviousDecisionSigningKeys = ["old-secret", " "] };

        var keys = DecisionKey.Load(options, _paths);

        Assert.Equal(DecisionKey.FromSecret("new-secret"), keys.Current);
        Assert.Equal([DecisionKey.FromSecret("old-secret"), generated], keys.Previous);
    }
}
