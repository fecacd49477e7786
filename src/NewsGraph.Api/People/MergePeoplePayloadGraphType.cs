using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.People;

public sealed class MergePeoplePayloadGraphType() : PayloadGraphType<Person, PersonGraphType>("person", ErrorUnion.OfVersionedEdit);
