using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace AdStudio.Core.Infrastructure;

/// <summary>
/// Every SQL fragment that differs between SQLite and PostgreSQL, in one place. The rest of AdStudio's raw SQL is
/// written in the subset both engines share (double-quoted identifiers, <c>ON CONFLICT … DO UPDATE</c> with
/// <c>excluded</c>, <c>RETURNING</c>, partial unique indexes as conflict targets); a fragment that is not in that subset
/// belongs here, chosen by the provider of the context or connection at hand.
/// </summary>
public sealed class SqlDialect
{
    /// <summary>SQLite: dates are ISO-8601 text, and scalar <c>MIN</c>/<c>MAX</c> take several arguments.</summary>
    public static readonly SqlDialect Sqlite = new(
        isPostgres: false,
        dayOf: column => $"substr({column}, 1, 10)",
        least: (a, b) => $"MIN({a}, {b})",
        greatest: (a, b) => $"MAX({a}, {b})",
        isDistinctFrom: (a, b) => $"{a} IS NOT {b}",
        afterMigrate: ["PRAGMA journal_mode=WAL;"],
        waitForWriters: null,
        lockTimeout: null);

    /// <summary>PostgreSQL: real <c>timestamp</c> columns, <c>LEAST</c>/<c>GREATEST</c>, <c>IS DISTINCT FROM</c>.</summary>
    public static readonly SqlDialect Postgres = new(
        isPostgres: true,
        dayOf: column => $"CAST({column} AS date)",
        least: (a, b) => $"LEAST({a}, {b})",
        greatest: (a, b) => $"GREATEST({a}, {b})",
        isDistinctFrom: (a, b) => $"{a} IS DISTINCT FROM {b}",
        afterMigrate: [],
        waitForWriters: table => $"LOCK TABLE {table} IN SHARE MODE",
        lockTimeout: seconds => $"SET LOCAL lock_timeout = '{seconds}s'");

    private readonly Func<string, string> _dayOf;
    private readonly Func<string, string, string> _least;
    private readonly Func<string, string, string> _greatest;
    private readonly Func<string, string, string> _isDistinctFrom;
    private readonly Func<string, string>? _waitForWriters;
    private readonly Func<int, string>? _lockTimeout;

    private SqlDialect(
        bool isPostgres,
        Func<string, string> dayOf,
        Func<string, string, string> least,
        Func<string, string, string> greatest,
        Func<string, string, string> isDistinctFrom,
        IReadOnlyList<string> afterMigrate,
        Func<string, string>? waitForWriters,
        Func<int, string>? lockTimeout)
    {
        _lockTimeout = lockTimeout;
        _waitForWriters = waitForWriters;
        IsPostgres = isPostgres;
        _dayOf = dayOf;
        _least = least;
        _greatest = greatest;
        _isDistinctFrom = isDistinctFrom;
        AfterMigrate = afterMigrate;
    }

    public bool IsPostgres { get; }

    /// <summary>Statements run once after migrating (SQLite's WAL journal, which persists in the file once set).</summary>
    public IReadOnlyList<string> AfterMigrate { get; }

    /// <summary>The dialect of the database <paramref name="db"/> talks to.</summary>
    public static SqlDialect For(DatabaseFacade db) => db.IsNpgsql() ? Postgres : Sqlite;

    /// <summary>The dialect of an open ADO.NET connection (the bulk paths that work below EF Core).</summary>
    public static SqlDialect For(DbConnection connection) => connection is NpgsqlConnection ? Postgres : Sqlite;

    /// <summary>The dialect of a configured target.</summary>
    public static SqlDialect For(DatabaseTarget target) => target.IsPostgres ? Postgres : Sqlite;

    /// <summary>The UTC calendar day of a timestamp column, as the <c>DailyRollups.Date</c> column stores it.</summary>
    public string DayOf(string column) => _dayOf(column);

    /// <summary>The smaller of two values (SQLite's scalar <c>MIN</c> is PostgreSQL's <c>LEAST</c>).</summary>
    public string Least(string a, string b) => _least(a, b);

    /// <summary>The larger of two values (SQLite's scalar <c>MAX</c> is PostgreSQL's <c>GREATEST</c>).</summary>
    public string Greatest(string a, string b) => _greatest(a, b);

    /// <summary>Null-safe inequality (SQLite's <c>IS NOT</c>, standard <c>IS DISTINCT FROM</c>).</summary>
    public string IsDistinctFrom(string a, string b) => _isDistinctFrom(a, b);

    /// <summary>
    /// A statement that, inside a transaction, waits until every transaction writing to <paramref name="table"/> has
    /// ended and holds off new writers until this transaction ends (PostgreSQL's <c>SHARE</c> lock conflicts only with
    /// writers); null where writers are already serialised (SQLite has one writer, so its committed ids never get a gap
    /// filled later).
    /// </summary>
    public string? WaitForWriters(string table) => _waitForWriters?.Invoke(table);

    /// <summary>
    /// A statement that makes the current transaction give up waiting for another's lock after <paramref name="seconds"/>
    /// (PostgreSQL then fails with 55P03); null on SQLite, whose connection carries its busy timeout.
    /// </summary>
    public string? LockTimeout(int seconds) => _lockTimeout?.Invoke(seconds);

    /// <summary><paramref name="value"/> held between 0 and <paramref name="max"/>.</summary>
    public string Clamp(string value, string max) => Least(Greatest(value, "0"), max);
}
