namespace NewsGraph.Api.People;

/// <summary><c>createPerson</c>'s input.</summary>
public sealed record CreatePersonInput(PersonFieldsInput Fields);
