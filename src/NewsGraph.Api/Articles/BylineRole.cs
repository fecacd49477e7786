namespace NewsGraph.Api.Articles;

public enum BylineRole
{
    Author = 0,
    Contributor = 1,
    Photographer = 2,
    Editor = 3,
}
