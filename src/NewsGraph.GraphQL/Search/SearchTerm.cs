namespace NewsGraph.GraphQL.Search;

/// <summary>
/// One thing a search looks for, as the user wrote it: a word, a phrase (the words between the
/// quotes) or a prefix (without its <c>*</c>). The database's own tokenizer splits and stems it, the
/// same way it did the documents.
/// </summary>
public sealed record SearchTerm(string Text, SearchTermKind Kind, int Position);
