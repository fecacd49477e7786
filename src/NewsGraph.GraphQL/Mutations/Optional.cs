using System.Diagnostics.CodeAnalysis;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// An input field that may be left out. Updates need the difference: a field left out keeps its
/// value (<see cref="IsSet"/> false, which is <c>default</c>), a field set to null clears it
/// (<see cref="IsSet"/> true, <see cref="Value"/> null).
/// </summary>
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Hot Chocolate's name for the same idea; the toolkit is for C#.")]
public readonly record struct Optional<T>(bool IsSet, T Value)
{
    /// <summary>The value when set, else <paramref name="fallback"/>.</summary>
    public T Or(T fallback) => IsSet ? Value : fallback;

    /// <summary>The same presence with the value mapped.</summary>
    public Optional<TResult> Map<TResult>(Func<T, TResult> map) => IsSet ? new(true, map(Value)) : default;
}
