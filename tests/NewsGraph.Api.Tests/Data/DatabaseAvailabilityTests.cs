using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using NewsGraph.Api.Data;

namespace NewsGraph.Api.Tests.Data;

/// <summary>While the database server is away, connections fail at once, as a coded 503; the first that opens ends it.</summary>
public sealed class DatabaseAvailabilityTests
{
    private static readonly NpgsqlException Refused = new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public void AfterAFailedConnection_OpeningFailsAtOnceForASecond_ThenTriesAgain()
    {
        var clock = new FakeTimeProvider();
        var availability = new DatabaseAvailability(clock);

        availability.Failed(Refused);
        var paused = Record.Exception(availability.EnsureReachable);
        clock.Advance(TimeSpan.FromMilliseconds(1100));
        var retried = Record.Exception(availability.EnsureReachable);

        Assert.Equal("DATABASE_UNAVAILABLE", availability.Detect(paused!)?.Code);
        Assert.Null(retried);
    }

    [Fact]
    public void ARefusedConnection_IsUnavailable_AndOpenedOneEndsThePauseAtOnce()
    {
        var availability = new DatabaseAvailability(new FakeTimeProvider());

        availability.Failed(Refused);
        availability.Opened();

        Assert.Equal("DATABASE_UNAVAILABLE", availability.Detect(Refused)?.Code);
        Assert.Null(Record.Exception(availability.EnsureReachable));
    }

    [Theory]
    [InlineData("57P01", true)] // the server shut down
    [InlineData("08006", true)] // connection failure
    [InlineData("53300", true)] // too many connections
    [InlineData("23505", false)] // a unique violation is the statement's fault
    [InlineData("42P01", false)] // so is an unknown table
    public void Detect_TellsAnUnreachableServerFromABadStatement(string sqlState, bool unavailable)
    {
        var availability = new DatabaseAvailability(TimeProvider.System);
        var wrapped = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new PostgresException("message", "FATAL", "FATAL", sqlState));

        Assert.Equal(unavailable, availability.Detect(wrapped) is { StatusCode: 503 });
    }
}
