namespace NewsGraph.Api.Import.WireStories;

/// <summary>A quote and what stands around it, as the rules of the attribution sieve see it.</summary>
/// <param name="Beside">The speaker phrase right beside the quote: <c>"…," Kim said</c>, <c>said Kim, …</c>, <c>Kim said: "…"</c>.</param>
/// <param name="Subject">The subject of the sentence the quote stands in, when that sentence reports words: <c>Kim called it "…"</c>.</param>
/// <param name="WholeParagraph">The quote is all its paragraph holds.</param>
/// <param name="Turn">The quote or paraphrase before it.</param>
internal sealed record QuoteContext(int Paragraph, int Offset, SpeakerPhrase? Beside, SpeakerPhrase? Subject, bool WholeParagraph, Turn? Turn);
