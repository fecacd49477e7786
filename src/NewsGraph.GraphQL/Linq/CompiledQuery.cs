using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace NewsGraph.GraphQL.Linq;

/// <summary>
/// A query compiled once by EF Core (<see cref="EF.CompileAsyncQuery{TContext,TResult}(Expression{Func{TContext,IQueryable{TResult}}})"/>)
/// from one request's expression, its values (<see cref="ExpressionRewriter.Parameter"/>) turned into
/// the compiled query's parameters. Later requests of the same <see cref="QueryShape"/> pass their
/// values and skip building the expression, EF Core's parameter extraction and its query cache.
/// </summary>
internal static class CompiledQuery<TDbContext, TResult>
    where TDbContext : DbContext
{
    /// <summary>EF Core compiles queries with up to 15 parameters besides the context.</summary>
    private const int MaxValues = 15;

    /// <summary>Rows of <paramref name="query"/> for given values, or null when it cannot be compiled.</summary>
    public static Func<TDbContext, object?[], IAsyncEnumerable<TResult>>? Sequence(Expression query, IReadOnlyList<object> holders)
        => Compile<IAsyncEnumerable<TResult>>(query, holders, typeof(IQueryable<>).MakeGenericType(typeof(TResult)));

    /// <summary>The single value of <paramref name="query"/> (a count), or null when it cannot be compiled.</summary>
    public static Func<TDbContext, object?[], Task<TResult>>? Scalar(Expression query, IReadOnlyList<object> holders)
        => Compile<Task<TResult>>(query, holders, typeof(TResult));

    private static Func<TDbContext, object?[], TCompiled>? Compile<TCompiled>(Expression query, IReadOnlyList<object> holders, Type bodyType)
    {
        if (holders.Count > MaxValues)
            return null;
        var parameters = holders.Select((h, i) => Expression.Parameter(ExpressionRewriter.TypeOf(h), "v" + i)).ToArray();
        var slots = new Dictionary<object, ParameterExpression>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < holders.Count; i++)
            slots.TryAdd(holders[i], parameters[i]);
        var rewriter = new Slotter(slots);
        var body = rewriter.Visit(query);
        if (!rewriter.Complete)
            return null; // a value without a slot would be compiled in as the first request's
        var context = Expression.Parameter(typeof(TDbContext), "db");
        var lambda = Expression.Lambda(Expression.GetFuncType([typeof(TDbContext), .. parameters.Select(p => p.Type), bodyType]),
            body.Type == bodyType ? body : Expression.Convert(body, bodyType), [context, .. parameters]);
        var compile = EfCompiler(holders.Count, sequence: bodyType != typeof(TResult))
            .MakeGenericMethod([typeof(TDbContext), .. parameters.Select(p => p.Type), typeof(TResult)]);
        var compiled = (Delegate)compile.Invoke(null, [lambda])!;

        var db = Expression.Parameter(typeof(TDbContext), "db");
        var values = Expression.Parameter(typeof(object?[]), "values");
        var arguments = parameters.Select((p, i) => (Expression)Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(i)), p.Type));
        var invoke = Expression.Invoke(Expression.Constant(compiled), [db, .. arguments]);
        return Expression.Lambda<Func<TDbContext, object?[], TCompiled>>(invoke, db, values).Compile();
    }

    /// <summary><c>EF.CompileAsyncQuery</c> for <paramref name="count"/> parameters, of a sequence or of a single value.</summary>
    private static MethodInfo EfCompiler(int count, bool sequence)
        => typeof(EF).GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m =>
        {
            if (m.Name != nameof(EF.CompileAsyncQuery) || m.GetGenericArguments().Length != count + 2)
                return false;
            var func = m.GetParameters()[0].ParameterType.GetGenericArguments()[0].GetGenericArguments();
            if (func.Length != count + 2)
                return false; // the overloads that also take a CancellationToken
            var result = func[^1];
            return sequence
                ? result.IsGenericType && result.GetGenericTypeDefinition() == typeof(IQueryable<>)
                : result.IsGenericParameter;
        });

    /// <summary>Replaces each value by its parameter and detaches query roots from the context they were made with.</summary>
    private sealed class Slotter(Dictionary<object, ParameterExpression> slots) : ExpressionVisitor
    {
        public bool Complete { get; private set; } = true;

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is ConstantExpression { Value: { } holder } && ExpressionRewriter.IsHolder(holder))
            {
                if (slots.TryGetValue(holder, out var slot))
                    return slot;
                Complete = false;
            }
            return base.VisitMember(node);
        }

        protected override Expression VisitExtension(Expression node)
            => node is QueryRootExpression root ? root.DetachQueryProvider() : base.VisitExtension(node);
    }
}
