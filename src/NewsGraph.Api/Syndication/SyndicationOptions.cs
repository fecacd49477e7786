namespace NewsGraph.Api.Syndication;

/// <summary>Bound from the <c>Syndication</c> configuration section: who publishes, and where stories live.</summary>
public sealed class SyndicationOptions
{
    public const string SectionName = "Syndication";

    /// <summary>The publisher schema.org markup names.</summary>
    public string Publisher { get; set; } = "NewsGraph";

    /// <summary>The publisher's logo, for schema.org markup; left out when unset.</summary>
    public string? PublisherLogoUrl { get; set; }

    /// <summary>Where the site shows a story: <c>{SiteUrl}/articles/{slug}</c>. Unset, stories are known by a URN.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>Who holds the copyright; the dateline's agency (<c>Yonhap</c>) when unset, else the publisher.</summary>
    public string? CopyrightHolder { get; set; }

    /// <summary>What receivers of a story may do with it (ninjs <c>usageterms</c>); left out when unset.</summary>
    public string? UsageTerms { get; set; }
}
