namespace NewsGraph.Api.Data;

/// <summary>Where the content lives: <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded file, for one box, development and the first run.</summary>
    Sqlite,

    /// <summary>A server that several instances share.</summary>
    PostgreSQL,
}
