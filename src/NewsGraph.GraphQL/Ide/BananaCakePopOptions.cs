namespace NewsGraph.GraphQL.Ide;

/// <summary>Hosting of the Banana Cake Pop IDE, bound from the <c>BananaCakePop</c> configuration section.</summary>
public sealed class BananaCakePopOptions
{
    public const string SectionName = "BananaCakePop";

    public bool Enabled { get; set; } = true;

    /// <summary>Folder holding the IDE's files; defaults to <c>ide/bananacakepop</c> beside the application.</summary>
    public string? FilesPath { get; set; }

    /// <summary>Title shown by the IDE for the endpoint.</summary>
    public string? Title { get; set; }
}
