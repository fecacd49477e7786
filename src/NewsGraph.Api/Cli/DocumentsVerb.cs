using System.CommandLine;
using GraphQL.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsGraph.Api.GraphQL;
using NewsGraph.GraphQL.PersistedOperations;

namespace NewsGraph.Api.Cli;

/// <summary>
/// <c>documents add &lt;file|folder&gt;... [--to database|folder]</c>: registers a client's operations as
/// trusted documents (<see cref="TrustedDocumentRegistrar"/>), by default in the database every
/// instance reads; <c>documents list</c> prints what is registered there.
/// </summary>
public sealed class DocumentsVerb : ICliVerb
{
    public string Usage => "documents add <file.graphql | folder>... [--to database|folder] | documents list";

    public Command Create(CliContext cli)
    {
        var paths = new Argument<string[]>("paths") { Description = "Operation files (.graphql), or folders of them.", Arity = ArgumentArity.OneOrMore };
        var to = new Option<string>("--to") { Description = "Where to keep them: the database (every instance reads it) or GraphQL:TrustedDocuments:Folder.", DefaultValueFactory = _ => "database" };
        to.AcceptOnlyFromAmong("database", "folder");
        var add = new Command("add", "Registers operations as trusted documents, under the SHA-256 of their text.") { paths, to };
        add.SetAction((parse, cancellationToken) => AddAsync(cli, [.. parse.GetRequiredValue(paths).Select(CliContext.FullPath)], parse.GetRequiredValue(to), cancellationToken));
        var list = new Command("list", "Prints the id and first line of every trusted document in the database.");
        list.SetAction((_, cancellationToken) => ListAsync(cli, cancellationToken));
        return new Command("documents", "Trusted documents: the operations clients may send by id.") { add, list };
    }

    private static async Task<int> AddAsync(CliContext cli, string[] paths, string to, CancellationToken cancellationToken)
    {
        var services = cli.Services;
        await MigrateAsync(services, cancellationToken);
        var registrar = new TrustedDocumentRegistrar(services.GetRequiredService<NewsSchema>(), services.GetRequiredService<IDocumentBuilder>(), Store(services, to));
        var refused = 0;
        foreach (var registration in await registrar.RegisterAsync(paths, cancellationToken))
        {
            if (registration.Error is null)
            {
                await cli.Output.WriteLineAsync($"trusted {registration.Id} {registration.File}");
                continue;
            }
            refused++;
            await cli.Error.WriteLineAsync($"refused {registration.File}: {registration.Error}");
        }
        return refused == 0 ? 0 : 1;
    }

    private static async Task<int> ListAsync(CliContext cli, CancellationToken cancellationToken)
    {
        await MigrateAsync(cli.Services, cancellationToken);
        await using var db = await cli.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync(cancellationToken);
        await foreach (var document in db.Set<TrustedDocument>().AsNoTracking().OrderBy(d => d.RegisteredAt).AsAsyncEnumerable().WithCancellation(cancellationToken))
            await cli.Output.WriteLineAsync($"{document.Id} {document.Document.Split('\n')[0].Trim()}");
        return 0;
    }

    private static IOperationDocumentStore Store(IServiceProvider services, string to)
    {
        if (to == "database")
            return services.GetRequiredService<DbContextOperationDocumentStore<NewsDbContext>>();
        var folder = services.GetRequiredService<IOptions<TrustedDocumentOptions>>().Value.Folder
                     ?? throw new InvalidOperationException($"Set {TrustedDocumentOptions.SectionName}:Folder to register documents in a folder.");
        return new FileSystemOperationDocumentStore(Path.GetFullPath(folder, services.GetRequiredService<IHostEnvironment>().ContentRootPath));
    }

    private static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
