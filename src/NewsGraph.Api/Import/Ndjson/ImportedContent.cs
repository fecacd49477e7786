using System.Data.Common;

namespace NewsGraph.Api.Import.Ndjson;

/// <summary>
/// What the database holds, and the import has added so far, that the checks and writes of a bulk
/// import need: people (their ids and titles), the ids of articles, the owner of each slug, the sections by slug.
/// </summary>
internal sealed class ImportedContent
{
    /// <summary>Person id to title: a quote that gives no title for its speaker takes the person's.</summary>
    public Dictionary<int, string?> People { get; } = [];

    public HashSet<int> Articles { get; } = [];

    /// <summary>Article id to slug, as the database had them before the import.</summary>
    public Dictionary<int, string> ExistingSlugs { get; } = [];

    /// <summary>Slug to the id of the article that has it (in the database or among the lines accepted so far).</summary>
    public Dictionary<string, int> SlugOwners { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Sections { get; } = new(StringComparer.Ordinal);

    public void Load(DbConnection connection)
    {
        foreach (var (id, title) in Query(connection, "SELECT \"Id\", \"Title\" FROM \"People\""))
            People[id] = title;
        foreach (var (id, slug) in Query(connection, "SELECT \"Id\", \"Slug\" FROM \"Articles\""))
        {
            Articles.Add(id);
            ExistingSlugs[id] = slug!;
            SlugOwners[slug!] = id;
        }
        foreach (var (id, slug) in Query(connection, "SELECT \"Id\", \"Slug\" FROM \"Sections\""))
            Sections[slug!] = id;
    }

    private static List<(int Id, string? Text)> Query(DbConnection connection, string sql)
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
