namespace AdStudio.Tests.Support;

/// <summary>
/// A class fixture that seeds heavy data once into a template database and hands each test its own copy, so tests
/// stay isolated (each writes to a file of its own) without paying for the seed again.
/// </summary>
public abstract class SeededDatabase : IAsyncLifetime
{
    private TestDatabase? _template;

    public async Task InitializeAsync()
    {
        _template = await TestDatabase.CreateAsync();
        await SeedAsync(_template);
    }

    /// <summary>A fresh copy of the seeded template; the caller disposes it.</summary>
    public Task<TestDatabase> CopyAsync() =>
        TestDatabase.CopyOfAsync(_template ?? throw new InvalidOperationException("The fixture has not been initialised."));

    public async Task DisposeAsync()
    {
        if (_template is not null)
        {
            await _template.DisposeAsync();
        }
    }

    /// <summary>Fills the template; runs once per test class.</summary>
    protected abstract Task SeedAsync(TestDatabase database);
}
