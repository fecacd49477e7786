namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>
/// Trusted documents as files in one folder, in Hot Chocolate's layout: <c>{id}.graphql</c>,
/// holding the document's text. Ids are already safe file names (<see cref="OperationDocumentId"/>).
/// </summary>
public sealed class FileSystemOperationDocumentStore(string folder) : IOperationDocumentStore
{
    public string Folder { get; } = folder;

    public async ValueTask<string?> TryReadAsync(string id, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async ValueTask SaveAsync(string id, string document, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(id);
        // Written aside and moved, so a reader never sees half a document.
        var partial = path + ".partial";
        await File.WriteAllTextAsync(partial, document, cancellationToken).ConfigureAwait(false);
        File.Move(partial, path, overwrite: true);
    }

    private string PathOf(string id)
        => Path.Combine(Folder, (OperationDocumentId.Normalize(id) ?? throw new ArgumentException("Not a document id.", nameof(id))) + ".graphql");
}
