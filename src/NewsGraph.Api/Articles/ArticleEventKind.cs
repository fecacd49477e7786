namespace NewsGraph.Api.Articles;

public enum ArticleEventKind
{
    Published = 0,
    Updated = 1,
    Corrected = 2,
    Withdrawn = 3,
}
