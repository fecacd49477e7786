namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// The limits every request runs under, bound from the <c>GraphQL</c> configuration section.
/// The defaults let Banana Cake Pop introspect the schema and a front page fetch nested data in
/// one request, and refuse what only a hostile or broken client would send.
/// </summary>
public sealed class GraphQLServerOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Largest accepted POST body; larger ones get 413 REQUEST_TOO_LARGE.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Deepest accepted selection (fields within fields), introspection included.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>How often one schema coordinate (<c>Type.field</c>) may repeat on a path from the root (HC0087).</summary>
    public int MaxCoordinateCycleDepth { get; set; } = 3;

    /// <summary>Whether <see cref="MaxCoordinateCycleDepth"/> applies; unset, it applies outside Development, as in Hot Chocolate.</summary>
    public bool? LimitCoordinateCycles { get; set; }

    /// <summary>How many <c>__schema</c> and <c>__type</c> fields one operation may select, aliases and fragments included.</summary>
    public int MaxIntrospectionFields { get; set; } = 5;

    /// <summary>How many <c>__Type.ofType</c> may nest under an introspection field (HC0086).</summary>
    public int MaxIntrospectionOfTypeDepth { get; set; } = 16;

    /// <summary>Deepest accepted syntax tree while parsing (guards the parser's stack).</summary>
    public int MaxParserDepth { get; set; } = 100;

    /// <summary>Most fields one document may hold, aliases included (Hot Chocolate's default).</summary>
    public int MaxFieldsPerDocument { get; set; } = 2_048;

    /// <summary>Most directives on one field, fragment, operation or variable.</summary>
    public int MaxDirectivesPerLocation { get; set; } = 4;

    /// <summary>Most fragment spreads entered while the document's operations are walked with their fragments spread.</summary>
    public int MaxFragmentVisits { get; set; } = 1_000;

    /// <summary>Most pairs of same-named fields validation may compare to check that they merge.</summary>
    public int MaxFieldMergeComparisons { get; set; } = 100_000;

    /// <summary>Requests still running after this get the HC0045 timeout error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many distinct documents stay parsed and validated in memory.</summary>
    public int DocumentCacheSize { get; set; } = 1_000;

    /// <summary>
    /// Resolve a query's sibling fields in parallel (each with its own DbContext) instead of one
    /// after another. Off by default: on the embedded database a statement takes microseconds, and
    /// a task per field cost the front page a third more CPU. Worth turning on when the database is
    /// a network round trip away and clients send queries with several independent root fields.
    /// </summary>
    public bool ParallelQueryExecution { get; set; }

    /// <summary>
    /// Start every DataLoader batch of a level when the first is awaited, each on its own DbContext,
    /// instead of one after another (<see cref="DataLoader.PendingBatches"/>). Worth it when each
    /// fetch is a network round trip (an article page's four lists: one round trip's wait instead
    /// of four); on an embedded database the fetches run one after another anyway, and an execution
    /// allocated a few KB more with it. Unset, the application decides (NewsGraph: on with PostgreSQL).
    /// </summary>
    public bool? StartBatchesTogether { get; set; }

    /// <summary>
    /// Concurrent identical queries over HTTP (same user, same request text) share one execution
    /// (see <c>Transport/IdenticalQueries</c>); a lone query executes as without it. Needs the
    /// document cache. Turn off when a query resolver reads the HTTP request beyond its user.
    /// </summary>
    public bool ShareIdenticalQueries { get; set; } = true;

    /// <summary>
    /// Whether anyone may query <c>__schema</c> and <c>__type</c> (Banana Cake Pop needs them); unset,
    /// only in Development, as in Hot Chocolate. Callers in <see cref="IntrospectionRoles"/> always may.
    /// </summary>
    public bool? AllowIntrospection { get; set; }

    /// <summary>Roles that may introspect even where introspection is off (an IDE for the newsroom's own developers).</summary>
    public IList<string> IntrospectionRoles { get; set; } = [];

    /// <summary>A WebSocket that has not sent <c>connection_init</c> by then is closed (4408).</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often idle streams are kept alive: SSE comments and the legacy protocol's <c>ka</c>.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Operations one WebSocket may run at once; more get an error, and a client that keeps trying is closed (1008).</summary>
    public int MaxOperationsPerConnection { get; set; } = 100;

    /// <summary>Messages a WebSocket client may send a second, after a burst of <see cref="MaxWebSocketMessageBurst"/>; faster ones are closed (4429).</summary>
    public int MaxWebSocketMessagesPerSecond { get; set; } = 50;

    /// <summary>Messages a WebSocket client may send at once before <see cref="MaxWebSocketMessagesPerSecond"/> applies.</summary>
    public int MaxWebSocketMessageBurst { get; set; } = 200;

    /// <summary>Adds exception details to masked errors; off unless the host runs in Development.</summary>
    public bool? ExposeExceptionDetails { get; set; }
}
