using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AdStudio.Web.Features.Migration;

/// <summary>The EF model's tables, principals before dependents, read from the model so a table added later is not forgotten.</summary>
public static class TableOrder
{
    /// <summary>Entity types that own a table (owned types and table-splitting dependents ride along with their owner's row).</summary>
    public static IReadOnlyList<IEntityType> Of(IModel model)
    {
        var tables = model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.BaseType is null && !e.IsOwned())
            .GroupBy(e => e.GetTableName()!)
            .Select(g => g.First())
            .ToList();
        var ordered = new List<IEntityType>();
        var done = new HashSet<string>();
        while (ordered.Count < tables.Count)
        {
            var ready = tables
                .Where(t => !done.Contains(t.GetTableName()!))
                .Where(t => t.GetForeignKeys()
                    .Select(k => k.PrincipalEntityType.GetTableName())
                    .All(p => p is null || p == t.GetTableName() || done.Contains(p)))
                .ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle between tables; copy order cannot be decided.");
            }

            foreach (var table in ready.OrderBy(t => t.GetTableName(), StringComparer.Ordinal))
            {
                ordered.Add(table);
                done.Add(table.GetTableName()!);
            }
        }

        return ordered;
    }
}
