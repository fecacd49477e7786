namespace NewsGraph.Api.Health;

/// <summary>Tags of health checks.</summary>
public static class HealthTags
{
    /// <summary>A dependency <c>/readyz</c> reports: the instance serves well only with it.</summary>
    public const string Ready = "ready";
}
