namespace NewsGraph.Api.Articles;

/// <summary>
/// <c>setQuoteSpeaker</c>'s input: the quote at <see cref="Position"/> in the story gets <see cref="SpeakerId"/>
/// (a person's ID), or no speaker when it is null; <see cref="SpeakerTitle"/> is the title the story gives them.
/// </summary>
public sealed record SetQuoteSpeakerInput(string ArticleId, int Version, int Position, string? SpeakerId, string? SpeakerTitle);
