using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.People;

public sealed class PeopleEdgeGraphType : EdgeGraphType<PersonGraphType>;
