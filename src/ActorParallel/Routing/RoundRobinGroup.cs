using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>A group whose routees take turns.</summary>
public sealed class RoundRobinGroup : Group
{
    public RoundRobinGroup(params string[] paths)
        : base(paths, null)
    {
    }

    public RoundRobinGroup(IEnumerable<string> paths)
        : base(paths, null)
    {
    }

    public RoundRobinGroup(IEnumerable<string> paths, string? routerDispatcher)
        : base(paths, routerDispatcher)
    {
    }

    /// <summary>From a deployment section (<c>router = round-robin-group</c>, <c>routees.paths = [...]</c>).</summary>
    public RoundRobinGroup(Config config)
        : base(config)
    {
    }

    public override Router CreateRouter(ActorSystem system) => new(new RoundRobinRoutingLogic());

    public override RoundRobinGroup WithDispatcher(string dispatcher) => new(Paths, dispatcher);
}
