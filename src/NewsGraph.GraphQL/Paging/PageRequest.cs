using GraphQL;

namespace NewsGraph.GraphQL.Paging;

/// <summary>
/// What <c>first</c>/<c>after</c>/<c>last</c>/<c>before</c> ask for, checked against
/// <see cref="PagingOptions"/>: <paramref name="Size"/> items, counted from the end when
/// <paramref name="Backward"/>, between the optional cursors.
/// </summary>
public readonly record struct PageRequest(int Size, bool Backward, string? After, string? Before)
{
    /// <summary>
    /// Whether a page that got <paramref name="fetched"/> rows back (it asks for one more than its size)
    /// holds every row there is: no cursor cuts them, and fewer came back than it asked for. The total
    /// count is then <paramref name="fetched"/>, and needs no statement of its own.
    /// </summary>
    public bool HoldsAll(int fetched) => After is null && Before is null && fetched <= Size;

    public static PageRequest From(IResolveFieldContext context, PagingOptions options)
    {
        var coordinate = $"{context.ParentType.Name}.{context.FieldDefinition.Name}";
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        if (first is not null && last is not null)
            throw PagingErrors.FirstAndLast(coordinate);
        var size = first ?? last ?? options.DefaultPageSize;
        if (size < 0)
            throw PagingErrors.NegativePageSize(coordinate, size);
        if (size > options.MaxPageSize)
            throw PagingErrors.MaxPageSizeExceeded(coordinate, size, options.MaxPageSize);
        return new PageRequest(size, last is not null, context.GetArgument<string?>("after"), context.GetArgument<string?>("before"));
    }
}
