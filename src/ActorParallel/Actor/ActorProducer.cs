using System.Linq.Expressions;
using System.Reflection;

namespace ActorParallel.Actor;

/// <summary>
/// Turns a <see cref="Props"/> recipe into actor instances. Constructor arguments are evaluated once,
/// when the recipe is built (as Akka does); each spawn then calls a cached constructor invoker.
/// </summary>
internal sealed class ActorProducer : IIndirectActorProducer
{
    private readonly ConstructorInvoker _invoker;
    private readonly object?[] _arguments;

    private ActorProducer(Type actorType, ConstructorInfo constructor, object?[] arguments)
    {
        ActorType = actorType;
        _invoker = ConstructorInvoker.Create(constructor);
        _arguments = arguments;
    }

    public Type ActorType { get; }

    public IReadOnlyList<object?> Arguments => _arguments;

    public ActorBase Produce() => _arguments.Length switch
    {
        0 => (ActorBase)_invoker.Invoke(),
        1 => (ActorBase)_invoker.Invoke(_arguments[0]),
        2 => (ActorBase)_invoker.Invoke(_arguments[0], _arguments[1]),
        3 => (ActorBase)_invoker.Invoke(_arguments[0], _arguments[1], _arguments[2]),
        4 => (ActorBase)_invoker.Invoke(_arguments[0], _arguments[1], _arguments[2], _arguments[3]),
        _ => (ActorBase)_invoker.Invoke(_arguments.AsSpan()),
    };

    public void Release(ActorBase actor)
    {
    }

    public static ActorProducer FromExpression<TActor>(Expression<Func<TActor>> factory)
    {
        if (factory.Body is not NewExpression { Constructor: { } constructor } creation)
        {
            throw new ArgumentException(
                $"The create function must be a 'new T(args)' expression, not '{factory.Body}'.", nameof(factory));
        }

        var arguments = creation.Arguments.Select(Evaluate).ToArray();
        return new ActorProducer(constructor.DeclaringType!, constructor, arguments);
    }

    public static ActorProducer FromArguments(Type actorType, object?[] arguments)
    {
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
        {
            throw new ArgumentException($"{actorType} is not a concrete actor type (it must derive from ActorBase).", nameof(actorType));
        }

        var constructor = FindConstructor(actorType, arguments)
            ?? throw new ArgumentException(
                $"{actorType} has no public constructor taking ({string.Join(", ", arguments.Select(a => a?.GetType().Name ?? "null"))}).",
                nameof(arguments));
        return new ActorProducer(actorType, constructor, arguments);
    }

    private static ConstructorInfo? FindConstructor(Type type, object?[] arguments)
    {
        foreach (var constructor in type.GetConstructors())
        {
            var parameters = constructor.GetParameters();
            if (parameters.Length != arguments.Length)
            {
                continue;
            }

            var fits = true;
            for (var i = 0; i < parameters.Length && fits; i++)
            {
                var argument = arguments[i];
                var parameterType = parameters[i].ParameterType;
                fits = argument is null
                    ? !parameterType.IsValueType || Nullable.GetUnderlyingType(parameterType) is not null
                    : parameterType.IsInstanceOfType(argument);
            }

            if (fits)
            {
                return constructor;
            }
        }

        return null;
    }

    private static object? Evaluate(Expression expression) => expression switch
    {
        ConstantExpression constant => constant.Value,
        MemberExpression { Member: FieldInfo field, Expression: var target } =>
            field.GetValue(target is null ? null : Evaluate(target)),
        MemberExpression { Member: PropertyInfo property, Expression: var target } =>
            property.GetValue(target is null ? null : Evaluate(target)),
        UnaryExpression { NodeType: ExpressionType.Convert, Operand: var operand, Type: var type } when !type.IsValueType =>
            Evaluate(operand),
        _ => Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object))).Compile(preferInterpretation: true)(),
    };
}
