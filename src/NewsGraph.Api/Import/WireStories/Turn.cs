namespace NewsGraph.Api.Import.WireStories;

/// <summary>Who spoke last, in which paragraph, and whether it was a quote or a paraphrase ("Kim said the talks …").</summary>
internal sealed record Turn(NamedPerson? Speaker, string? Source, int Paragraph, bool IsQuote, bool IsAttributed);
