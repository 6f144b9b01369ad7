using System.Data.Common;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Bench;

/// <summary>Prepared insert commands for filling benchmark databases, built on the app's own <see cref="Sql"/> helpers.</summary>
internal static class BenchSql
{
    public static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = Sql.Command(connection, transaction, sql);
        foreach (var name in parameters)
        {
            Sql.Parameter(command, name);
        }

        return command;
    }
}
