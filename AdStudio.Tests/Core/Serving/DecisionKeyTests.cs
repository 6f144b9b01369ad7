using System.Runtime.Versioning;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Core.Serving;

/// <summary>The generated decision-signing key, kept once for the whole cluster in the database (both providers).</summary>
public sealed class DecisionKeyTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private DataPaths _paths = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _paths = new DataPaths(_db.Directory);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task LoadAsync_NoSecretNoFile_StoresOneKeyInTheDatabaseAndWritesNoFile()
    {
        var keys = await LoadAsync(new ServingOptions());

        Assert.Equal(32, keys.Current.Length);
        Assert.Empty(keys.Previous);
        Assert.False(File.Exists(_paths.DecisionKeyFile));
        await using var db = _db.Open();
        Assert.Equal(Convert.ToBase64String(keys.Current), db.Settings.Single(s => s.Key == DecisionKey.SettingKey).Value);
    }

    [Fact]
    public async Task LoadAsync_ManyNodesStartingAtOnce_AllGetTheSameKey()
    {
        // Each call has its own data folder and context, like separate nodes on one database.
        var rings = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            DecisionKey.LoadAsync(new ServingOptions(), _db.Factory, new DataPaths(Path.Combine(_db.Directory, $"node{i}")), CancellationToken.None))));

        Assert.Single(rings.Select(r => Convert.ToBase64String(r.Current)).Distinct());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task LoadAsync_ExistingShopsKeyFile_IsImportedTightenedAndLeftInPlace()
    {
        var fileKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        File.WriteAllBytes(_paths.DecisionKeyFile, fileKey);
        File.SetUnixFileMode(_paths.DecisionKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var keys = await LoadAsync(new ServingOptions());
        var otherNode = await DecisionKey.LoadAsync(new ServingOptions(), _db.Factory, new DataPaths(Path.Combine(_db.Directory, "other")), CancellationToken.None);

        Assert.Equal(fileKey, keys.Current);
        Assert.Equal(fileKey, otherNode.Current);
        Assert.Equal(fileKey, File.ReadAllBytes(_paths.DecisionKeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_paths.DecisionKeyFile));
    }

    [Fact]
    public async Task LoadAsync_KeyFileAfterAnotherNodeGeneratedTheKey_AcceptsTheFileKeyAsPrevious()
    {
        var generated = (await DecisionKey.LoadAsync(new ServingOptions(), _db.Factory, new DataPaths(Path.Combine(_db.Directory, "first")), CancellationToken.None)).Current;
        var fileKey = Enumerable.Repeat((byte)7, 32).ToArray();
        File.WriteAllBytes(_paths.DecisionKeyFile, fileKey);

        var keys = await LoadAsync(new ServingOptions());

        Assert.Equal(generated, keys.Current);
        Assert.Equal([fileKey], keys.Previous);
    }

    [Fact]
    public async Task LoadAsync_TruncatedKeyFile_IsIgnoredForAGeneratedKey()
    {
        File.WriteAllBytes(_paths.DecisionKeyFile, [1, 2, 3]);

        var keys = await LoadAsync(new ServingOptions());

        Assert.Equal(32, keys.Current.Length);
        Assert.Empty(keys.Previous);
    }

    [Fact]
    public async Task LoadAsync_ConfiguredSecretWithPreviousSecretsAndGeneratedKey_SignsWithSecretAndAcceptsTheRest()
    {
        var generated = (await LoadAsync(new ServingOptions())).Current;
        var options = new ServingOptions { DecisionSigningKey = "new-secret", PreviousDecisionSigningKeys = ["old-secret", " "] };

        var keys = await LoadAsync(options);

        Assert.Equal(DecisionKey.FromSecret("new-secret"), keys.Current);
        Assert.Equal([DecisionKey.FromSecret("old-secret"), generated], keys.Previous);
    }

    private Task<DecisionKeyRing> LoadAsync(ServingOptions options) => DecisionKey.LoadAsync(options, _db.Factory, _paths, CancellationToken.None);
}
