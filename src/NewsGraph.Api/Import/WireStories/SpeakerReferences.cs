namespace NewsGraph.Api.Import.WireStories;

/// <summary>What kind of reference a speaker phrase is, for the rules that share them.</summary>
internal static class SpeakerReferences
{
    /// <summary>The surname the phrase ends with, if it is one of a person the story names: "Kim", "Minister Suh".</summary>
    public static string? Surname(SpeakerPhrase phrase, PersonMentions mentions)
        => phrase.Words is [.., var last] && !phrase.StartsWithDeterminer && mentions.IsSurname(last) ? last : null;

    /// <summary>"the minister", "the U.S. envoy", "this official": a role with a determiner.</summary>
    public static bool IsDescription(SpeakerPhrase phrase) => phrase.StartsWithDeterminer && phrase.HasPersonRole && !phrase.IsInstitution;

    /// <summary>Words given to no person: a body, a document, the media, unnamed or plural people.</summary>
    public static bool IsSource(SpeakerPhrase phrase)
        => !phrase.IsPronoun && !IsDescription(phrase)
           && (phrase.IsInstitution || phrase.IsIndefinite || phrase.IsPlural || !phrase.LooksLikeName);
}
