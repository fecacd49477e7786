using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Data;
using Microsoft.Extensions.Options;
using NewsGraph.Api.Feedback;

namespace NewsGraph.Api.Import;

/// <summary>
/// Loads the bulk NDJSON files (people, articles with their images and quotes, feedback) in
/// streaming batches, so memory stays flat whatever the size. An article is written in the same
/// transaction as its bylines, corrections, revisions, images and quotes, so a crash part-way
/// leaves whole articles only; rows are matched by id, so running the import again completes or
/// repeats it without duplicates.
/// A bad line is reported with its file and number and skipped; the valid ones are loaded.
/// </summary>
/// <remarks>
/// The bulk path writes with prepared SQLite statements (upserts) instead of EF Core's change
/// tracker: it is the difference between minutes and seconds for 100,000 articles.
/// </remarks>
public sealed class NdjsonImporter(IDbContextFactory<NewsDbContext> dbFactory, TimeProvider clock, IOptions<ImportOptions> options)
{
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private int BatchSize => options.Value.BatchSize;

    public static bool IsDataset(string folder) => File.Exists(Path.Combine(folder, "articles.ndjson"));

    public async Task<ImportReport> ImportAsync(string folder, IProgress<int>? articlesDone = null, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        Execute(connection, null, "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");

        var state = new ImportState(connection, report, clock.GetUtcNow().UtcDateTime);
        state.LoadExisting();
        if (await FindForeignArticleAsync(folder, state, cancellationToken) is { } foreign)
        {
            report.Fail("articles.ndjson", foreign.Line, foreign.Message);
            return report;
        }
        await ImportPeopleAsync(folder, state, cancellationToken);
        await ImportArticlesAsync(folder, state, articlesDone, cancellationToken);
        await ImportFeedbackAsync(folder, state, cancellationToken);
        // A bulk load changes the shape of the data: the query planner's statistics are refreshed with it.
        Execute(connection, null, "ANALYZE;");
        return report;
    }

    /// <summary>
    /// Ids are identities: an article of the files whose id the database gives to another slug
    /// means the files are not this database's content. Refuse before writing anything.
    /// </summary>
    private static async Task<ImportError?> FindForeignArticleAsync(string folder, ImportState state, CancellationToken cancellationToken)
    {
        if (state.ExistingSlugs.Count == 0)
            return null;
        using var reader = new NdjsonLineReader(File.OpenRead(Path.Combine(folder, "articles.ndjson")));
        while (await reader.ReadLineAsync(cancellationToken) is (true, var line, false))
        {
            if (!TryPeekIdAndSlug(line.Span, out var id, out var slug))
                continue;
            if (state.ExistingSlugs.TryGetValue(id, out var existing) && existing != slug)
            {
                return new ImportError("articles.ndjson", reader.LineNumber,
                    $"article id {id} is `{slug}` here but `{existing}` in the database: these files are not this database's content. " +
                    "Import them into an empty database (ConnectionStrings:News) or one loaded from the same files.");
            }
        }
        return null;
    }

    private static bool TryPeekIdAndSlug(ReadOnlySpan<byte> line, out int id, out string? slug)
    {
        id = 0;
        slug = null;
        try
        {
            var json = new Utf8JsonReader(line);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
                return false;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName && (id == 0 || slug is null))
            {
                var name = json.GetString();
                json.Read();
                if (name == "id" && json.TokenType == JsonTokenType.Number)
                    id = json.GetInt32();
                else if (name == "slug" && json.TokenType == JsonTokenType.String)
                    slug = json.GetString();
                else
                    json.Skip();
            }
            return id != 0 && slug is not null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private async Task ImportPeopleAsync(string folder, ImportState state, CancellationToken cancellationToken)
    {
        const string file = "people.ndjson";
        if (!File.Exists(Path.Combine(folder, file)))
            return;
        var seen = new Dictionary<int, int>();
        var batch = new List<PersonRow>(BatchSize);
        using var reader = new NdjsonLineReader(File.OpenRead(Path.Combine(folder, file)));
        while (await ReadAsync(reader, file, NdjsonContext.Default.PersonRow, state.Report, cancellationToken) is var (read, row))
        {
            if (!read)
                break;
            if (row is null || !Unique(seen, row.Id, reader.LineNumber, file, state.Report))
                continue;
            if (string.IsNullOrWhiteSpace(row.Name))
            {
                state.Report.Fail(file, reader.LineNumber, $"person {row.Id} has no name");
                continue;
            }
            if (row.Version is < 1)
            {
                state.Report.Fail(file, reader.LineNumber, $"person {row.Id} has version {row.Version}, less than 1");
                continue;
            }
            batch.Add(row);
            if (batch.Count == BatchSize * 4)
                state.WritePeople(batch);
        }
        state.WritePeople(batch);
    }

    private async Task ImportArticlesAsync(string folder, ImportState state, IProgress<int>? articlesDone, CancellationToken cancellationToken)
    {
        const string file = "articles.ndjson";
        using var articles = new NdjsonLineReader(File.OpenRead(Path.Combine(folder, file)));
        using var images = RelatedRows<ImageRow>.Open(folder, "images.ndjson", NdjsonContext.Default.ImageRow, r => r.ArticleId ?? 0, r => r.Id, state.Report);
        using var quotes = RelatedRows<QuoteRow>.Open(folder, "quotes.ndjson", NdjsonContext.Default.QuoteRow, r => r.ArticleId, r => r.Id, state.Report);
        var seen = new Dictionary<int, int>();
        var batch = new List<(int Line, ArticleRow Row)>(BatchSize);
        var maxId = 0;
        var done = 0;

        async Task FlushAsync()
        {
            // Related rows for every article read so far (this batch or earlier ones) go with this batch.
            var batchImages = await images.TakeUpToAsync(maxId, cancellationToken);
            var batchQuotes = await quotes.TakeUpToAsync(maxId, cancellationToken);
            state.WriteArticles(batch, batchImages, batchQuotes);
            done += batch.Count;
            articlesDone?.Report(done);
            batch.Clear();
            if (options.Value.PauseBetweenBatches > TimeSpan.Zero)
                await Task.Delay(options.Value.PauseBetweenBatches, cancellationToken);
        }

        while (await ReadAsync(articles, file, NdjsonContext.Default.ArticleRow, state.Report, cancellationToken) is var (read, row))
        {
            if (!read)
                break;
            if (row is null || !Unique(seen, row.Id, articles.LineNumber, file, state.Report))
                continue;
            if (state.Validate(row) is { } problem)
            {
                state.Report.Fail(file, articles.LineNumber, problem);
                continue;
            }
            batch.Add((articles.LineNumber, row));
            maxId = Math.Max(maxId, row.Id);
            if (batch.Count == BatchSize)
                await FlushAsync();
        }
        maxId = int.MaxValue;
        await FlushAsync();
    }

    private async Task ImportFeedbackAsync(string folder, ImportState state, CancellationToken cancellationToken)
    {
        const string file = "feedback.ndjson";
        if (!File.Exists(Path.Combine(folder, file)))
            return;
        var seen = new Dictionary<int, int>();
        var batch = new List<FeedbackRow>(BatchSize);
        using var reader = new NdjsonLineReader(File.OpenRead(Path.Combine(folder, file)));
        while (await ReadAsync(reader, file, NdjsonContext.Default.FeedbackRow, state.Report, cancellationToken) is var (read, row))
        {
            if (!read)
                break;
            if (row is null || !Unique(seen, row.Id, reader.LineNumber, file, state.Report))
                continue;
            var problem = row switch
            {
                { ArticleId: { } id } when !state.KnownArticles.Contains(id) => $"article_id {id} names no article",
                { Rating: < 1 or > 5 } => $"rating {row.Rating} is not between 1 and 5",
                _ when string.IsNullOrWhiteSpace(row.Message) => "the message is empty",
                { Status: { } status } when !Enum.TryParse<FeedbackStatus>(status, ignoreCase: true, out _) => $"status `{status}` is not one of NEW, REVIEWED, SPAM",
                { SubmittedBy: { } by } when string.IsNullOrWhiteSpace(by) => "submitted_by is empty (leave it out for anonymous feedback)",
                _ => null,
            };
            if (problem is not null)
            {
                state.Report.Fail(file, reader.LineNumber, problem);
                continue;
            }
            batch.Add(row);
            if (batch.Count == BatchSize * 4)
                state.WriteFeedback(batch);
        }
        state.WriteFeedback(batch);
    }

    private static async Task<(bool Read, T? Row)> ReadAsync<T>(
        NdjsonLineReader reader, string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, ImportReport report, CancellationToken cancellationToken)
        where T : class
    {
        var (read, line, tooLong) = await reader.ReadLineAsync(cancellationToken);
        if (!read)
            return (false, null);
        if (tooLong)
        {
            report.Fail(file, reader.LineNumber, $"the line is longer than {NdjsonLineReader.MaxLineBytes} bytes");
            return (true, null);
        }
        if (line.Span.Trim((byte)' ').IsEmpty)
            return (true, null);
        if (NdjsonRowReader.TryRead(line.Span, type, out var row, out var error))
            return (true, row);
        report.Fail(file, reader.LineNumber, error!);
        return (true, null);
    }

    private static bool Unique(Dictionary<int, int> seen, int id, int line, string file, ImportReport report)
    {
        if (seen.TryAdd(id, line))
            return true;
        report.Fail(file, line, $"duplicate id {id} (first on line {seen[id]})");
        return false;
    }

    internal static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static string Text(DateTime utc) => utc.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
}
