using Npgsql;
using NewsGraph.Api.Data;

namespace NewsGraph.Api.Tests.Data;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void WhatTheConnectionStringDoesNotSay_GetsTheApplicationsDefaults()
    {
        var effective = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.PostgresConnectionString("Host=db;Database=news;Username=app"));

        Assert.Equal(3, effective.Timeout);
        Assert.Equal(64, effective.MaxPoolSize);
        Assert.True(effective.NoResetOnClose);
        Assert.Equal(64, effective.MaxAutoPrepare);
        Assert.Equal("db", effective.Host);
        Assert.Equal("news", effective.Database);
    }

    [Fact]
    public void WhatTheConnectionStringSays_IsKept()
    {
        var effective = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.PostgresConnectionString(
            "Host=db;Database=news;Username=app;Timeout=10;Maximum Pool Size=20;No Reset On Close=false;Max Auto Prepare=0"));

        Assert.Equal(10, effective.Timeout);
        Assert.Equal(20, effective.MaxPoolSize);
        Assert.False(effective.NoResetOnClose);
        Assert.Equal(0, effective.MaxAutoPrepare);
    }
}
