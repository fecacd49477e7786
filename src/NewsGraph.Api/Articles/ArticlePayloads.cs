using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

// {Mutation}Payload { article errors: [{Mutation}Error!] }, as Hot Chocolate's mutation conventions shape them.

public sealed class CreateArticlePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType, CreateArticleErrorGraphType>("article");

public sealed class CreateArticleErrorGraphType : UnionGraphType
{
    public CreateArticleErrorGraphType()
    {
        Type<InvalidInputErrorGraphType>();
        Type<NotFoundErrorGraphType>();
    }
}

/// <summary>The errors of a change to an existing story.</summary>
public abstract class ArticleChangeErrorGraphType : UnionGraphType
{
    protected ArticleChangeErrorGraphType()
    {
        Type<InvalidInputErrorGraphType>();
        Type<NotFoundErrorGraphType>();
        Type<VersionConflictErrorGraphType>();
    }
}

public sealed class UpdateArticlePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType, UpdateArticleErrorGraphType>("article");

public sealed class UpdateArticleErrorGraphType : ArticleChangeErrorGraphType;

public sealed class PublishArticlePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType, PublishArticleErrorGraphType>("article");

public sealed class PublishArticleErrorGraphType : ArticleChangeErrorGraphType;

public sealed class WithdrawArticlePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType, WithdrawArticleErrorGraphType>("article");

public sealed class WithdrawArticleErrorGraphType : ArticleChangeErrorGraphType;

public sealed class CorrectArticlePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType, CorrectArticleErrorGraphType>("article");

public sealed class CorrectArticleErrorGraphType : ArticleChangeErrorGraphType;

public sealed class DeleteArticlePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType, DeleteArticleErrorGraphType>("article");

public sealed class DeleteArticleErrorGraphType : ArticleChangeErrorGraphType;

public sealed class AttachImagePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType, AttachImageErrorGraphType>("article");

public sealed class AttachImageErrorGraphType : ArticleChangeErrorGraphType;

public sealed class DetachImagePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType, DetachImageErrorGraphType>("article");

public sealed class DetachImageErrorGraphType : ArticleChangeErrorGraphType;

public sealed class ReorderImagesPayloadGraphType() : PayloadGraphType<Article, ArticleGraphType, ReorderImagesErrorGraphType>("article");

public sealed class ReorderImagesErrorGraphType : ArticleChangeErrorGraphType;
