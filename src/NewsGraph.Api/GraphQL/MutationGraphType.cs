using GraphQL.Types;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;

namespace NewsGraph.Api.GraphQL;

/// <summary>The root mutation type, composed from each feature's <c>*Mutations</c>.</summary>
public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        this.AddFeedbackMutations();
        this.AddArticleMutations();
        this.AddPersonMutations();
        this.AddImageMutations();
    }
}
