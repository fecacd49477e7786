using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.People;

public sealed class CreatePersonPayloadGraphType() : PayloadGraphType<Person, PersonGraphType>("person", typeof(InvalidInputErrorGraphType));
