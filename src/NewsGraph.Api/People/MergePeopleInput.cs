namespace NewsGraph.Api.People;

/// <summary><c>mergePeople</c>'s input: the person kept (at its version) and the duplicates merged into it.</summary>
public sealed record MergePeopleInput(string Id, int Version, IReadOnlyList<string> MergeIds);
