namespace NewsGraph.GraphQL.Tests.Infrastructure;

/// <summary>One request a <see cref="PurgeReceiver"/> got.</summary>
public sealed record ReceivedPurge(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);
