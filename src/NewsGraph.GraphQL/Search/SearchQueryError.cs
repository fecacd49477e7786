using GraphQL;

namespace NewsGraph.GraphQL.Search;

/// <summary>
/// A search query that cannot be read: <c>SEARCH_QUERY_INVALID</c>, with <c>extensions.position</c>,
/// the 0-based offset in the query (UTF-16 code units, as JavaScript counts) where the problem is.
/// </summary>
public sealed class SearchQueryError : ExecutionError
{
    public const string ErrorCode = "SEARCH_QUERY_INVALID";

    public SearchQueryError(string message, int position)
        : base(message)
    {
        Code = ErrorCode;
        Position = position;
        Extensions = new() { ["position"] = position };
    }

    public int Position { get; }
}
