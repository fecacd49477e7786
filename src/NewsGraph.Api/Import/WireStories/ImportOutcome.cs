namespace NewsGraph.Api.Import.WireStories;

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
}
