using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>
/// Registers a client's operations as trusted documents: each <c>.graphql</c> file (a folder
/// stands for the files in it) must parse and validate against the schema, and is saved under the
/// SHA-256 of its text, the id the client sends (<see cref="OperationDocumentId.For"/>).
/// </summary>
public sealed class TrustedDocumentRegistrar(ISchema schema, IDocumentBuilder parser, IOperationDocumentStore store)
{
    public sealed record Registration(string File, string? Id, string? Error);

    public async Task<IReadOnlyList<Registration>> RegisterAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var registrations = new List<Registration>();
        foreach (var file in Files(paths))
        {
            if (!File.Exists(file))
            {
                registrations.Add(new Registration(file, null, "There is no such file or folder."));
                continue;
            }
            var document = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            var error = await ValidateAsync(document, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                registrations.Add(new Registration(file, null, error));
                continue;
            }
            var id = OperationDocumentId.For(document);
            await store.SaveAsync(id, document, cancellationToken).ConfigureAwait(false);
            registrations.Add(new Registration(file, id, null));
        }
        return registrations;
    }

    private static IEnumerable<string> Files(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.graphql", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return file;
            }
            else
            {
                yield return path;
            }
        }
    }

    /// <summary>Why the document cannot be trusted, or null when every operation in it validates.</summary>
    private async Task<string?> ValidateAsync(string text, CancellationToken cancellationToken)
    {
        GraphQLDocument document;
        try
        {
            document = parser.Build(text);
        }
        catch (ExecutionError error)
        {
            return error.Message;
        }
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count == 0)
            return "The document has no operation.";
        schema.Initialize();
        foreach (var operation in operations)
        {
            var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
            {
                Schema = schema,
                Document = document,
                Operation = operation,
                Rules = DocumentValidator.CoreRules,
                Variables = Inputs.Empty,
                Extensions = Inputs.Empty,
                UserContext = new Dictionary<string, object?>(),
                CancellationToken = cancellationToken,
            }).ConfigureAwait(false);
            // Variables come with each request; only the document is judged here.
            var errors = result.Errors.Where(e => e is not InvalidVariableError).ToList();
            if (errors.Count > 0)
                return string.Join(" ", errors.Select(e => e.Message));
        }
        return null;
    }
}
