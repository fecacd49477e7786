using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.People;

/// <summary>A person's own fields, shared by create and update: left out keeps, null clears.</summary>
public sealed record PersonFieldsInput(Optional<string?> Name, Optional<string?> Title, Optional<string?> Organization)
{
    /// <summary>Applies the fields that pass their checks; the others are reported.</summary>
    public void ApplyTo(Person person, InputValidator check)
    {
        if (check.Text(Name, "name", Person.NameMaxLength, required: true) is { IsSet: true, Value: { } name })
            person.Name = name;
        if (check.Text(Title, "title", Person.TitleMaxLength) is { IsSet: true } title)
            person.Title = title.Value;
        if (check.Text(Organization, "organization", Person.OrganizationMaxLength) is { IsSet: true } organization)
            person.Organization = organization.Value;
    }
}
