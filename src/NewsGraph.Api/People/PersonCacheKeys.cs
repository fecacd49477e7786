namespace NewsGraph.Api.People;

/// <summary>The keys of responses about people: a person (<c>person:7</c>) and the list of people (<c>people</c>).</summary>
public static class PersonCacheKeys
{
    public const string List = "people";

    public static string Person(int id) => "person:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
