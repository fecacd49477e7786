using GraphQL;
using GraphQL.DI;
using GraphQL.MicrosoftDI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using ServiceLifetime = GraphQL.DI.ServiceLifetime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using NewsGraph.GraphQL.CostAnalysis;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Errors;
using NewsGraph.GraphQL.Filtering;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.GraphQL.Execution;

public static partial class GraphQLBuilderExtensions
{
    /// <summary>
    /// Every limit of <see cref="GraphQLServerOptions"/>: the parser's and <see cref="DocumentLimits"/>
    /// when a document is parsed; then, for cached documents too, the path limits (depth, coordinate
    /// cycles, introspection depth), who may introspect, and Hot Chocolate's cost analysis
    /// (<see cref="CostOptions"/>, with its weights applied to the schema); and the execution timeout.
    /// </summary>
    public static IGraphQLBuilder AddRequestLimits(this IGraphQLBuilder builder)
    {
        builder.Services.Register<IDocumentBuilder>(sp => new LimitedDocumentBuilder(Options(sp)), ServiceLifetime.Singleton);
        builder.AddValidationRule(sp => new IntrospectionRule(Options(sp).AllowIntrospection ?? IsDevelopment(sp), [.. Options(sp).IntrospectionRoles]),
            useForCachedDocuments: true);
        builder.AddValidationRule(sp => new PathLimitsRule(Options(sp), Options(sp).LimitCoordinateCycles ?? !IsDevelopment(sp)), useForCachedDocuments: true);
        builder.AddValidationRule(sp => new CostValidationRule(CostOptionsOf(sp)), useForCachedDocuments: true);
        builder.ConfigureSchema((schema, sp) =>
        {
            schema.Directives.Register(new CostDirective(), new ListSizeDirective());
            schema.RegisterVisitor(new CostDefaults(CostOptionsOf(sp), sp.GetRequiredService<IOptions<PagingOptions>>().Value));
        });
        builder.ConfigureExecutionOptions(execution =>
        {
            execution.Timeout = Options(execution.RequestServices!).ExecutionTimeout;
            execution.TimeoutAction = TimeoutAction.ReturnTimeoutError;
        });
        return builder;
    }

    /// <summary>
    /// Registers the toolkit's graph types (Hot Chocolate's scalars, filter, sort and paging types,
    /// <c>Node</c>) and the per-request <see cref="DataLoaderScope"/> the query fields batch with.
    /// </summary>
    public static IGraphQLBuilder AddToolkitTypes(this IGraphQLBuilder builder)
    {
        builder.AddGraphTypes(typeof(GraphQLBuilderExtensions).Assembly);
        // Generic graph types are closed over the application's types, so they are registered open.
        builder.Services.Register(typeof(EnumOperationFilterInputType<>), typeof(EnumOperationFilterInputType<>), ServiceLifetime.Transient);
        builder.Services.Register(typeof(ListOperationFilterInputType<>), typeof(ListOperationFilterInputType<>), ServiceLifetime.Transient);
        builder.Services.Register(typeof(ListFilterInputType<>), typeof(ListFilterInputType<>), ServiceLifetime.Transient);
        builder.Services.Register<DataLoaderScope>(ServiceLifetime.Scoped);
        builder.ConfigureExecution(sp => new PendingBatches.PerExecution(Options(sp).StartBatchesTogether ?? false));
        builder.Services.Register<SharedFetches>(ServiceLifetime.Singleton);
        return builder;
    }

    /// <summary>
    /// Subscriptions: each event is resolved in a service scope of its own (fresh DataLoaders and
    /// DbContexts), events come from <see cref="Events.IEventBus"/> (in-process unless the
    /// application registers another, such as <see cref="Events.RedisEventBus"/>); a bus that
    /// cannot be reached answers with <c>SUBSCRIPTIONS_UNAVAILABLE</c>.
    /// </summary>
    public static IGraphQLBuilder AddSubscriptions(this IGraphQLBuilder builder)
    {
        builder.Services.TryRegister<Diagnostics.OperationTelemetry>(ServiceLifetime.Singleton);
        builder.AddExecutionStrategy<Diagnostics.TracedSubscriptionExecutionStrategy>(OperationType.Subscription);
        builder.Services.TryRegister<Events.IEventBus>(_ => new Events.InMemoryEventBus(), ServiceLifetime.Singleton);
        builder.Services.TryRegister<IUnavailableDependencyDetector, Events.EventBusUnavailableDetector>(ServiceLifetime.Singleton, RegistrationCompareMode.ServiceTypeAndImplementationType);
        return builder;
    }

    /// <summary>
    /// Spans and metrics for every operation and subscription event (<see cref="Diagnostics.OperationTelemetry"/>,
    /// <see cref="Diagnostics.GraphQLTelemetry"/>); they cost next to nothing until a listener (OpenTelemetry) subscribes.
    /// </summary>
    public static IGraphQLBuilder AddOperationTelemetry(this IGraphQLBuilder builder)
    {
        builder.Services.TryRegister<Diagnostics.OperationTelemetry>(ServiceLifetime.Singleton);
        builder.ConfigureExecution(sp => sp.GetRequiredService<Diagnostics.OperationTelemetry>());
        return builder;
    }

    /// <summary>Field authorization (<see cref="Authorization.FieldAuthorization.Authorize{TSource,TReturn}"/>).</summary>
    public static IGraphQLBuilder AddFieldAuthorization(this IGraphQLBuilder builder)
        => builder.AddSchemaVisitor(new Authorization.AuthorizeFieldsVisitor());

    /// <summary>
    /// Resolves a query's fields one after another instead of starting a task per field, unless
    /// <see cref="GraphQLServerOptions.ParallelQueryExecution"/> asks for parallel resolvers.
    /// DataLoaders batch either way: the serial strategy holds back every DataLoader result until
    /// the rest of the level has run, then fetches each loader's keys at once.
    /// </summary>
    public static IGraphQLBuilder AddQueryExecutionStrategy(this IGraphQLBuilder builder)
    {
        builder.Services.Register(sp => new ExecutionStrategyRegistration(
            Options(sp).ParallelQueryExecution ? ParallelExecutionStrategy.Instance : SerialExecutionStrategy.Instance,
            OperationType.Query), ServiceLifetime.Singleton);
        return builder;
    }

    /// <summary>
    /// Parses and validates each distinct document once (see <see cref="DocumentCache"/>); later
    /// requests run only the rules for cached documents, without a walk (<see cref="CachedDocumentValidator"/>).
    /// </summary>
    public static IGraphQLBuilder AddDocumentCache(this IGraphQLBuilder builder)
    {
        builder.Services.Register<DocumentCache>(ServiceLifetime.Singleton);
        builder.Services.Register<IDocumentValidator>(_ => new CachedDocumentValidator(new DocumentValidator()), ServiceLifetime.Singleton);
        builder.ConfigureExecution(sp => sp.GetRequiredService<DocumentCache>());
        return builder;
    }

    /// <summary>
    /// Masks unexpected errors (see <see cref="MaskingErrorInfoProvider"/>), logs them, and answers
    /// unreachable dependencies with their codes (<see cref="UnhandledErrors"/>).
    /// </summary>
    public static IGraphQLBuilder AddErrorMasking(this IGraphQLBuilder builder, bool developmentDefault)
    {
        builder.AddErrorInfoProvider(sp =>
        {
            var options = Options(sp);
            return new MaskingErrorInfoProvider(new MaskingErrorInfoProviderOptions
            {
                ExposeExceptionDetails = options.ExposeExceptionDetails ?? developmentDefault,
                ExecutionTimeout = options.ExecutionTimeout,
            });
        });
        builder.Services.Register<UnhandledErrors>(ServiceLifetime.Singleton);
        builder.ConfigureExecution(sp => sp.GetRequiredService<UnhandledErrors>());
        return builder;
    }

    private static GraphQLServerOptions Options(IServiceProvider services)
        => services.GetRequiredService<IOptions<GraphQLServerOptions>>().Value;

    private static CostOptions CostOptionsOf(IServiceProvider services)
        => services.GetRequiredService<IOptions<CostOptions>>().Value;

    private static bool IsDevelopment(IServiceProvider services)
        => services.GetService<IHostEnvironment>()?.IsDevelopment() == true;
}
