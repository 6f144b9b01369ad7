using System.Data.Common;

namespace AdStudio.Core.Infrastructure;

/// <summary>Small helpers for the prepared ADO.NET commands the bulk paths use (EF change tracking is too slow there).</summary>
public static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds a parameter (optionally with a value) and returns it, so loops can reassign its value.</summary>
    public static DbParameter Parameter(DbCommand command, string name, object? value = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
