using GraphQL.Types;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Auth;
using NewsGraph.GraphQL.Fields;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Caching;

namespace NewsGraph.Api.People;

public sealed class PersonGraphType : ObjectGraphType<Person>
{
    public PersonGraphType()
    {
        Name = "Person";
        Description = "Someone a story names: a reporter in a byline, an official it quotes.";
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Format(Name, ctx.Source.Id));
        Field(p => p.Name);
        Field(p => p.Title, nullable: true).Description("The title most recently known.");
        Field(p => p.Organization, nullable: true);
        this.ResponseKeys(p => [PersonCacheKeys.Person(p.Id)]);
        this.QueryField("articles").Connection<ArticlesConnectionGraphType, Article>()
            .Description("Stories whose byline names this person (published ones; every status for editors), newest first unless `order` says otherwise.")
            .Filtering<ArticleFilterInputType>()
            .Sorting<ArticleSortInputType>()
            .DefaultOrder(a => a.PublishedAt, descending: true)
            .NeverNull(a => a.PublishedAt, when: ctx => !ctx.User.IsEditor())
            .ResponseKeys(_ => [ArticleCacheKeys.Lists])
            .ResolveBatched<NewsDbContext, int, Byline>(
                p => p.Id, (db, user) => user.IsEditor() ? db.Bylines : db.Bylines.Where(b => b.Article.Status == ArticleStatus.Published),
                b => b.PersonId, b => b.Article);
    }
}
