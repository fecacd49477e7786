using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NewsGraph.GraphQL.PersistedOperations;

public static class TrustedDocumentServiceCollectionExtensions
{
    /// <summary>
    /// Trusted documents (<see cref="TrustedDocumentOptions"/>): the folder store when a folder is
    /// configured, and whatever other <see cref="IOperationDocumentStore"/> the application registers
    /// (read in registration order, after the folder).
    /// </summary>
    public static IServiceCollection AddTrustedDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrustedDocumentOptions>().Bind(configuration.GetSection(TrustedDocumentOptions.SectionName))
            .Validate(o => o.CacheSize > 0, "The trusted-document cache must hold at least one document.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOperationDocumentStore, FolderStore>(sp =>
            new FolderStore(sp.GetRequiredService<IOptions<TrustedDocumentOptions>>().Value.Folder, sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.TryAddSingleton<InMemoryAutomaticPersistedQueryStore>();
        services.TryAddSingleton<IAutomaticPersistedQueryStore>(sp => sp.GetRequiredService<InMemoryAutomaticPersistedQueryStore>());
        services.TryAddSingleton<TrustedDocuments>();
        return services;
    }

    /// <summary>The configured folder, if any: reads nothing without one.</summary>
    private sealed class FolderStore(string? folder, string contentRoot) : IOperationDocumentStore
    {
        private readonly FileSystemOperationDocumentStore? _files = string.IsNullOrEmpty(folder)
            ? null
            : new FileSystemOperationDocumentStore(Path.GetFullPath(folder, contentRoot));

        public ValueTask<string?> TryReadAsync(string id, CancellationToken cancellationToken)
            => _files?.TryReadAsync(id, cancellationToken) ?? ValueTask.FromResult<string?>(null);

        public ValueTask SaveAsync(string id, string document, CancellationToken cancellationToken)
            => _files?.SaveAsync(id, document, cancellationToken)
               ?? throw new InvalidOperationException($"No folder is configured for trusted documents; set {TrustedDocumentOptions.SectionName}:Folder.");
    }
}
