namespace AdStudio.Core.Serving;

/// <summary>Builds serving snapshots; <see cref="SnapshotBuilder"/> reads them from the database.</summary>
public interface ISnapshotSource
{
    /// <summary>Builds a snapshot as of <paramref name="now"/>, its <see cref="ServingSnapshot.Version"/> taken as the build starts.</summary>
    Task<ServingSnapshot> BuildAsync(DateTime now, CancellationToken cancellationToken);
}
