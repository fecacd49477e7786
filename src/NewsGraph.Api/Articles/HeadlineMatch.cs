namespace NewsGraph.Api.Articles;

/// <summary>A row of the headline index: the id of a story whose headline may match.</summary>
public sealed class HeadlineMatch
{
    public int Id { get; set; }
}
