namespace NewsGraph.GraphQL.Search;

public enum SearchTermKind
{
    /// <summary>A word, matched in any form its stem takes (<c>tariffs</c> finds <c>tariff</c>).</summary>
    Word,

    /// <summary>Words in quotes, matched next to each other in that order.</summary>
    Phrase,

    /// <summary>A word ending in <c>*</c>: any word that starts with it.</summary>
    Prefix,
}
