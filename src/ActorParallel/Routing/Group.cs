using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>
/// A router over actors that already exist, addressed by path (each routee is an actor selection). The
/// router neither creates nor supervises nor watches them.
/// </summary>
public abstract class Group : RouterConfig
{
    private readonly string[] _paths;

    protected Group(IEnumerable<string> paths, string? routerDispatcher)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _paths = [.. paths];
        RouterDispatcher = string.IsNullOrEmpty(routerDispatcher) ? Dispatch.Dispatchers.DefaultDispatcherId : routerDispatcher;
    }

    /// <summary>Reads <c>routees.paths</c> from a deployment section; they must not be empty.</summary>
    protected Group(Config config)
        : this(ReadPaths(config), null)
    {
    }

    /// <summary>The routees' paths, e.g. <c>/user/worker1</c>.</summary>
    public IReadOnlyList<string> Paths => _paths;

    public override string RouterDispatcher { get; }

    /// <summary>The routee paths in <paramref name="system"/>.</summary>
    public virtual IEnumerable<string> GetPaths(ActorSystem system) => _paths;

    /// <summary>Props of a router of this kind (a group needs no routee props).</summary>
    public Props Props() => Actor.Props.Empty.WithRouter(this);

    public abstract Group WithDispatcher(string dispatcher);

    internal override IInternalActorRef CreateRouterActor(ActorSystemImpl system, Props props, IInternalActorRef supervisor, ActorPath path) =>
        RoutedCell.Create(system, this, props, supervisor, path);

    public override string ToString() => $"{GetType().Name}(paths=[{string.Join(", ", _paths)}], dispatcher={RouterDispatcher})";

    private static string[] ReadPaths(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var paths = config.HasPath("routees.paths") ? config.GetStringList("routees.paths") : [];
        if (paths.Count == 0)
        {
            throw new ConfigurationException(
                "routees.paths is empty: a group router needs the paths of its routees, e.g. routees.paths = [\"/user/w1\", \"/user/w2\"].");
        }

        return [.. paths];
    }
}
