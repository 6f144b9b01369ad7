namespace AdStudio.Core.Serving;

/// <summary>Holds the current snapshot; readers take the reference, a refresh replaces it atomically.</summary>
public sealed class SnapshotHolder
{
    private ServingSnapshot _current = ServingSnapshot.Empty;

    public ServingSnapshot Current => Volatile.Read(ref _current);

    public void Swap(ServingSnapshot snapshot) => Volatile.Write(ref _current, snapshot);
}
