using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Privacy;

/// <summary>One table that holds rows about a shopper, and how an access request reads and an erasure removes them.</summary>
/// <param name="Name">The table's name, as erasure counts and the request log show it.</param>
/// <param name="EntityType">The EF Core entity stored in it (the erasure test checks every entity with a shopper key is listed).</param>
/// <param name="Count">Rows about the shopper.</param>
/// <param name="Erase">Removes them (or, for ad events, the shopper id from them); returns how many rows it changed.</param>
public sealed record ShopperTable(
    string Name,
    Type EntityType,
    Func<AdStudioDb, string, CancellationToken, Task<int>> Count,
    Func<AdStudioDb, string, CancellationToken, Task<int>> Erase);
