namespace NewsGraph.Api.People;

/// <summary><c>updatePerson</c>'s input: the fields to change, on the version they are based on.</summary>
public sealed record UpdatePersonInput(string Id, int Version, PersonFieldsInput Fields);
