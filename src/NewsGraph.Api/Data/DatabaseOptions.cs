namespace NewsGraph.Api.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Apply pending migrations when the server starts. Production with several instances turns it
    /// off and runs the <c>migrate</c> command as a deployment step instead.
    /// </summary>
    public bool MigrateOnStartup { get; set; } = true;
}
