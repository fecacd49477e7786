using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.Api.Data;

/// <summary>
/// Whether the database server answers. After a connection fails, further connections fail at once
/// for a second (one attempt a second finds out when it is back), so while the server is away every
/// request is answered in milliseconds with <c>DATABASE_UNAVAILABLE</c> and 503 instead of each
/// waiting for its own connection timeout; the first connection that opens again ends it, without
/// a restart. As a detector it turns the provider's connection failures into that error.
/// </summary>
public sealed class DatabaseAvailability(TimeProvider clock) : DbConnectionInterceptor, IUnavailableDependencyDetector
{
    public const string Code = "DATABASE_UNAVAILABLE";
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    private long _failingUntil;

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        EnsureReachable();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        EnsureReachable();
        return result;
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Failed(eventData.Exception);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Opened();

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Opened();
        return Task.CompletedTask;
    }

    public ServiceUnavailableError? Detect(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is DatabaseUnavailableException || IsConnectionFailure(inner))
                return new ServiceUnavailableError(Code, "The database cannot be reached just now; try again in a moment.");
        }
        return null;
    }

    /// <summary>Throws, instead of letting a connection try, while the database is known to be away.</summary>
    public void EnsureReachable()
    {
        if (clock.GetTimestamp() < Interlocked.Read(ref _failingUntil))
            throw new DatabaseUnavailableException();
    }

    /// <summary>A connection failed: when the server is away, the next second's connections fail at once.</summary>
    public void Failed(Exception exception)
    {
        if (IsConnectionFailure(exception))
            Interlocked.Exchange(ref _failingUntil, clock.GetTimestamp() + (long)(Pause.TotalSeconds * clock.TimestampFrequency));
    }

    /// <summary>A connection opened: the server is back.</summary>
    public void Opened() => Interlocked.Exchange(ref _failingUntil, 0);

    /// <summary>The server is away or refuses connections (not a bad statement): SQL states of class 08, shutdown, too many connections.</summary>
    private static bool IsConnectionFailure(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                      || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException or IOException,
        SocketException => true,
        _ => false,
    };

    /// <summary>Thrown instead of opening a connection while the database is known to be away.</summary>
    private sealed class DatabaseUnavailableException() : InvalidOperationException("The database was unreachable a moment ago.");
}
