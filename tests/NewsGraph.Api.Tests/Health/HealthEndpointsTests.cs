using System.Text.Json;
using NewsGraph.Api.Tests.Infrastructure;

namespace NewsGraph.Api.Tests.Health;

public sealed class HealthEndpointsTests : IDisposable
{
    private readonly NewsGraphApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Liveness_AnswersWithoutAskingTheDatabase()
    {
        using var client = _app.CreateClient();
        _app.Sql.Reset();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Empty(_app.Sql.Commands);
    }

    [Fact]
    public async Task Readiness_ReportsEachDependency()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync("/readyz");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        // Redis is reported where it is configured (the scale-out run), and only there.
        Assert.Equal(TestRedis.IsOn, checks.TryGetProperty("redis", out var redis));
        if (TestRedis.IsOn)
            Assert.Equal("Healthy", redis.GetProperty("status").GetString());
    }
}
