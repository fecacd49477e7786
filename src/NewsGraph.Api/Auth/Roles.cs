using System.Security.Claims;

namespace NewsGraph.Api.Auth;

/// <summary>
/// reader: a signed-in reader, who sees what everyone sees; editor: runs the newsroom (drafts,
/// embargoes, corrections, feedback); admin: an editor who may also delete and merge.
/// </summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static readonly string[] All = [Reader, Editor, Admin];

    /// <summary>The roles that run the newsroom.</summary>
    public static readonly string[] Editors = [Editor, Admin];

    public static bool IsEditor(this ClaimsPrincipal? user) => user is not null && (user.IsInRole(Editor) || user.IsInRole(Admin));

    /// <summary>Who made a change, for revision histories.</summary>
    public static string NameOf(ClaimsPrincipal? user) => user?.Identity?.Name ?? "anonymous";
}
