namespace ActorParallel.Actor;

/// <summary>Maps a failure to a <see cref="Directive"/>.</summary>
public interface IDecider
{
    Directive Decide(Exception cause);
}

/// <summary>Builds deciders.</summary>
public static class Decider
{
    /// <summary>A decider from a function (cannot be sent over the wire).</summary>
    public static LocalOnlyDecider From(Func<Exception, Directive> localOnlyDecider) => new(localOnlyDecider);

    /// <summary>A decider from exception types (most specific match wins) with a default.</summary>
    public static DeployableDecider From(Directive defaultDirective, params KeyValuePair<Type, Directive>[] pairs) =>
        new(defaultDirective, pairs);

    public static DeployableDecider From(Directive defaultDirective, IEnumerable<KeyValuePair<Type, Directive>> pairs) =>
        new(defaultDirective, pairs);
}

/// <summary>A decider that wraps a function.</summary>
public sealed class LocalOnlyDecider(Func<Exception, Directive> decider) : IDecider
{
    public Directive Decide(Exception cause) => decider(cause);
}

/// <summary>A decider by exception type: the closest base type listed decides; otherwise the default.</summary>
public sealed class DeployableDecider : IDecider
{
    public DeployableDecider(Directive defaultDirective, IEnumerable<KeyValuePair<Type, Directive>> pairs)
    {
        DefaultDirective = defaultDirective;
        Pairs = [.. pairs];
    }

    public Directive DefaultDirective { get; }

    public IReadOnlyList<KeyValuePair<Type, Directive>> Pairs { get; }

    public Directive Decide(Exception cause)
    {
        for (var type = cause.GetType(); type is not null; type = type.BaseType)
        {
            foreach (var pair in Pairs)
            {
                if (pair.Key == type)
                {
                    return pair.Value;
                }
            }
        }

        foreach (var pair in Pairs)
        {
            if (pair.Key.IsInstanceOfType(cause))
            {
                return pair.Value;
            }
        }

        return DefaultDirective;
    }
}
