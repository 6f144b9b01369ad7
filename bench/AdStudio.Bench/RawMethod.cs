namespace AdStudio.Bench;

/// <summary>How the ingest benchmark's baseline writes rows straight into the database.</summary>
internal enum RawMethod
{
    /// <summary>Multi-row <c>INSERT … VALUES (…), (…)</c> statements.</summary>
    MultiRowInsert,

    /// <summary>One prepared single-row <c>INSERT</c> executed per row.</summary>
    SingleRowInsert,

    /// <summary>Npgsql's binary <c>COPY … FROM STDIN</c> (PostgreSQL only).</summary>
    Copy,
}
