using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>
/// Writes a small bulk dataset in the format of ../shared/tools/dataset/DATASET.md: for article k,
/// k % 4 images and k % 3 quotes, 1 + k % 2 authors; ids ascending from 1.
/// </summary>
public static class TestDataset
{
    public static string Write(string folder, int articles, int people = 20)
    {
        Directory.CreateDirectory(folder);
        var json = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        string Line(object row) => JsonSerializer.Serialize(row, json);

        File.WriteAllLines(Path.Combine(folder, "people.ndjson"), Enumerable.Range(1, people).Select(i => Line(new
        {
            id = i, name = $"Person {i}", title = i % 2 == 0 ? "Minister" : "Correspondent", organization = "Org " + (i % 3), role = i % 2 == 0 ? "OFFICIAL" : "REPORTER",
        })));

        var start = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.FromHours(9));
        File.WriteAllLines(Path.Combine(folder, "articles.ndjson"), Enumerable.Range(1, articles).Select(k => Line(new
        {
            id = k,
            slug = $"bulk-story-{k}",
            headline = $"Bulk story {k} about tariffs",
            section = (k % 3) switch { 0 => "business", 1 => "world", _ => "politics" },
            dateline = k % 5 == 0 ? "WASHINGTON" : "SEOUL",
            published_at = start.AddMinutes(k).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            language = "en",
            status = k % 10 == 0 ? "DRAFT" : "PUBLISHED",
            body = $"First paragraph of story {k}.\n\nSecond paragraph, with é and 한국어.",
            author_ids = Enumerable.Range(0, 1 + (k % 2)).Select(a => 1 + ((k + 2 * a) % people)).ToArray(),
        })));

        var imageId = 0;
        File.WriteAllLines(Path.Combine(folder, "images.ndjson"), Enumerable.Range(1, articles).SelectMany(k => Enumerable.Range(1, k % 4).Select(p => Line(new
        {
            id = ++imageId,
            article_id = k,
            position = p,
            url = $"https://images.example/{k}-{p}.jpg",
            caption = $"Photo {p} of bulk story {k}",
            credit = "Person 3 / Org 0",
            rights = p == 1 && k % 2 == 0 ? "PHOTO NOT FOR SALE" : (string?)null,
        }))).ToList());

        var quoteId = 0;
        File.WriteAllLines(Path.Combine(folder, "quotes.ndjson"), Enumerable.Range(1, articles).SelectMany(k => Enumerable.Range(1, k % 3).Select(q => Line(new
        {
            id = ++quoteId, article_id = k, person_id = 2 * (1 + (k % (people / 2))), text = $"Quote {q} of bulk story {k}.",
        }))).ToList());

        File.WriteAllLines(Path.Combine(folder, "feedback.ndjson"), Enumerable.Range(1, Math.Max(1, articles / 2)).Select(f => Line(new
        {
            id = f, article_id = f % 4 == 0 ? (int?)null : f, message = $"Feedback {f}", rating = f % 3 == 0 ? (int?)null : 1 + (f % 5),
            created_at = start.AddDays(f).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        })));
        return folder;
    }

    /// <summary>Appends raw bytes as a line (for invalid UTF-8).</summary>
    public static void AppendBytes(string file, byte[] line)
    {
        using var stream = new FileStream(file, FileMode.Append);
        stream.Write(line);
        stream.WriteByte((byte)'\n');
    }

    public static void AppendLine(string file, string line) => File.AppendAllText(file, line + "\n", Encoding.UTF8);

    public static int ImagesOf(int article) => article % 4;

    public static int QuotesOf(int article) => article % 3;

    public static int AuthorsOf(int article) => 1 + (article % 2);
}
