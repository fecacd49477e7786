using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.People;

/// <summary>Someone a story names: a reporter in a byline, an official it quotes.</summary>
public sealed class Person : IVersioned
{
    // Column sizes, used by PersonConfiguration and by every check of input.
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 200;
    public const int OrganizationMaxLength = 200;

    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The title most recently known: <c>Defense Minister</c>.</summary>
    public string? Title { get; set; }

    public string? Organization { get; set; }

    /// <summary>Raised by every saved change; updates name the version they were based on.</summary>
    public int Version { get; set; } = 1;
}
