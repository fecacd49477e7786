using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore.Query;

namespace NewsGraph.GraphQL.Linq;

/// <summary>
/// A text naming everything in a query's expressions but their values: nodes, types, members,
/// methods, constants, parameters by their place; each value (<see cref="ExpressionRewriter.Parameter"/>)
/// counts as a slot, its holder collected in order. Two queries with the same text differ in their
/// values only, so one compiled query serves both (<see cref="CompiledQuery{TDbContext,TResult}"/>).
/// A tree holding anything that does not print faithfully (a captured object, a raw SQL root) has
/// no shape, and its query runs uncompiled.
/// </summary>
internal sealed class QueryShape : ExpressionVisitor
{
    private static readonly ConcurrentDictionary<Type, int> TypeIds = new();
    private static readonly ConcurrentDictionary<System.Reflection.MemberInfo, int> MemberIds = new();
    private static int _nextId;
    private readonly StringBuilder _text;
    private readonly List<object> _holders;
    private readonly Dictionary<ParameterExpression, int> _parameters = [];
    private bool _faithful = true;

    private QueryShape(StringBuilder text, List<object> holders)
    {
        _text = text;
        _holders = holders;
    }

    /// <summary>Appends the shape of <paramref name="expression"/>; false when it has none.</summary>
    public static bool Describe(Expression? expression, StringBuilder text, List<object> holders)
    {
        if (expression is null)
        {
            text.Append('~');
            return true;
        }
        var shape = new QueryShape(text, holders);
        shape.Visit(expression);
        text.Append('|');
        return shape._faithful;
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null || !_faithful)
            return node;
        _text.Append((int)node.NodeType).Append(':').Append(Id(node.Type)).Append('(');
        var result = base.Visit(node);
        _text.Append(')');
        return result;
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        switch (node.Value)
        {
            case null:
                _text.Append('n');
                break;
            case var holder when ExpressionRewriter.IsHolder(holder):
                _text.Append('$');
                _holders.Add(holder);
                break;
            case string text:
                _text.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                break;
            case Type type:
                _text.Append('T').Append(Id(type));
                break;
            case var value when value.GetType().IsPrimitive || value is decimal || value.GetType().IsEnum:
                _text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            default:
                _faithful = false; // a captured object: its members are values the text cannot tell apart
                break;
        }
        return node;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (!_parameters.TryGetValue(node, out var index))
            _parameters[node] = index = _parameters.Count;
        _text.Append('p').Append(index);
        return node;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        _text.Append('m').Append(Id(node.Member));
        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        _text.Append('c').Append(Id(node.Method));
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        if (node.Method is { } method)
            _text.Append('c').Append(Id(method));
        return base.VisitBinary(node);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        if (node.Method is { } method)
            _text.Append('c').Append(Id(method));
        return base.VisitUnary(node);
    }

    protected override Expression VisitNew(NewExpression node)
    {
        if (node.Constructor is { } constructor)
            _text.Append('c').Append(Id(constructor));
        foreach (var member in node.Members ?? [])
            _text.Append('m').Append(Id(member));
        return base.VisitNew(node);
    }

    protected override MemberBinding VisitMemberBinding(MemberBinding node)
    {
        _text.Append('b').Append((int)node.BindingType).Append(Id(node.Member));
        return base.VisitMemberBinding(node);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        foreach (var parameter in node.Parameters)
            _parameters.TryAdd(parameter, _parameters.Count);
        return base.VisitLambda(node);
    }

    protected override Expression VisitExtension(Expression node)
    {
        // An entity's query root is a table; any other extension (raw SQL, a function) may carry values.
        if (node is EntityQueryRootExpression { EntityType: var entityType } root && root.GetType() == typeof(EntityQueryRootExpression))
            _text.Append('r').Append(entityType.Name);
        else
            _faithful = false;
        return node;
    }

    protected override Expression VisitIndex(IndexExpression node)
    {
        if (node.Indexer is { } indexer)
            _text.Append('m').Append(Id(indexer));
        return base.VisitIndex(node);
    }

    protected override Expression VisitDynamic(DynamicExpression node)
    {
        _faithful = false;
        return node;
    }

    protected override Expression VisitTypeBinary(TypeBinaryExpression node)
    {
        _text.Append('T').Append(Id(node.TypeOperand));
        return base.VisitTypeBinary(node);
    }

    private static int Id(Type type) => TypeIds.GetOrAdd(type, static _ => Interlocked.Increment(ref _nextId));

    private static int Id(System.Reflection.MemberInfo member) => MemberIds.GetOrAdd(member, static _ => Interlocked.Increment(ref _nextId));
}
