using Microsoft.Data.Sqlite;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// What the database holds, and the import has added so far, that the checks and writes of a bulk
/// import need: the ids of people and articles, the owner of each slug, the sections by slug.
/// </summary>
internal sealed class ImportedContent
{
    public HashSet<int> People { get; } = [];

    public HashSet<int> Articles { get; } = [];

    /// <summary>Article id to slug, as the database had them before the import.</summary>
    public Dictionary<int, string> ExistingSlugs { get; } = [];

    /// <summary>Slug to the id of the article that has it (in the database or among the lines accepted so far).</summary>
    public Dictionary<string, int> SlugOwners { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Sections { get; } = new(StringComparer.Ordinal);

    public void Load(SqliteConnection connection)
    {
        foreach (var (id, _) in Query(connection, "SELECT \"Id\", NULL FROM \"People\""))
            People.Add(id);
        foreach (var (id, slug) in Query(connection, "SELECT \"Id\", \"Slug\" FROM \"Articles\""))
        {
            Articles.Add(id);
            ExistingSlugs[id] = slug!;
            SlugOwners[slug!] = id;
        }
        foreach (var (id, slug) in Query(connection, "SELECT \"Id\", \"Slug\" FROM \"Sections\""))
            Sections[slug!] = id;
    }

    private static List<(int Id, string? Text)> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(int Id, string? Text)>();
        while (reader.Read())
            rows.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        return rows;
    }
}
