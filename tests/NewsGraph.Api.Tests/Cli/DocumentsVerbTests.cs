using System.Text.Json;
using NewsGraph.Api.Cli;
using NewsGraph.Api.Tests.Infrastructure;
using NewsGraph.GraphQL.PersistedOperations;

namespace NewsGraph.Api.Tests.Cli;

/// <summary><c>documents add</c> makes a client's operations trusted documents that every instance reads from the database.</summary>
public sealed class DocumentsVerbTests : IDisposable
{
    private const string FrontPage = "query FrontPage { articles(first: 2) { nodes { slug } } }";
    private readonly NewsGraphApplication _app = new() { Settings = { ["GraphQL:TrustedDocuments:OnlyTrusted"] = "true" } };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Add_RegistersValidOperations_InTheDatabase_AndRefusesBrokenOnes()
    {
        var operations = Directory.CreateDirectory(Path.Combine(_app.Folder, "operations")).FullName;
        await File.WriteAllTextAsync(Path.Combine(operations, "FrontPage.graphql"), FrontPage);
        await File.WriteAllTextAsync(Path.Combine(operations, "Broken.graphql"), "query Broken { articles { nosuchfield } }");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exitCode = await CommandLine.RunAsync(_app.Services, ["documents", "add", operations], output, errors);
        var byId = await _app.SendJsonAsync(JsonSerializer.Serialize(new { id = OperationDocumentId.For(FrontPage) }));
        var notTrusted = await _app.PostAsync(FrontPage);
        var listed = new StringWriter();
        await CommandLine.RunAsync(_app.Services, ["documents", "list"], listed);

        Assert.Equal(1, exitCode);
        Assert.Contains($"trusted {OperationDocumentId.For(FrontPage)}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("refused", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("nosuchfield", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(NewsGraphApplication.SeedSlug, byId.Data.GetProperty("articles").GetProperty("nodes")[0].GetProperty("slug").GetString());
        Assert.Equal(["HC0067"], notTrusted.ErrorCodes);
        Assert.StartsWith($"{OperationDocumentId.For(FrontPage)} query FrontPage", listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WithoutPaths_IsAUsageError()
    {
        using var errors = new StringWriter();

        var exitCode = await CommandLine.RunAsync(_app.Services, ["documents", "add"], new StringWriter(), errors);

        Assert.Equal(2, exitCode);
        Assert.Contains("documents add", errors.ToString(), StringComparison.Ordinal);
    }
}
