using System.Collections.ObjectModel;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>A list that exporters on several threads may add to while a test reads it.</summary>
public sealed class LockedList<T> : Collection<T>
{
    private readonly Lock _lock = new();

    public T[] Snapshot()
    {
        lock (_lock)
            return [.. Items];
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_lock)
            base.InsertItem(index, item);
    }

    protected override void ClearItems()
    {
        lock (_lock)
            base.ClearItems();
    }
}
