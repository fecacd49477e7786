using NewsGraph.Api.Import.Ndjson;
using NewsGraph.Api.Import.WireStories;

namespace NewsGraph.Api.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The wire-story importer, the bulk NDJSON importer and exporter, and the commands that run them.</summary>
    public static IServiceCollection AddNewsImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.SectionName))
            .Validate(o => o.BatchSize > 0 && o.PauseBetweenBatches >= TimeSpan.Zero, "Import:BatchSize must be positive.");
        services.AddSingleton<WireStoryImporter>();
        services.AddSingleton<NdjsonImporter>();
        services.AddSingleton<NdjsonExporter>();
        services.AddSingleton<ImportCommand>();
        return services;
    }
}
