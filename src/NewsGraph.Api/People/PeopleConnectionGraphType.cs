using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.People;

public sealed class PeopleConnectionGraphType : ConnectionGraphType<PersonGraphType, PeopleEdgeGraphType>;
