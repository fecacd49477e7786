using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.People;

public sealed class UpdatePersonPayloadGraphType() : PayloadGraphType<Person, PersonGraphType>("person", ErrorUnion.OfVersionedEdit);
