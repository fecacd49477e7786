namespace NewsGraph.Api.Import.WireStories;

/// <summary>Whom a reference points to: a person, or no one because it fits several (<see cref="Ambiguity"/> says whom).</summary>
internal sealed record Resolution(NamedPerson? Person, string? Ambiguity);
