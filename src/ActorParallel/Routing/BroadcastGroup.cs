using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>A group that sends every message to all of its routees.</summary>
public sealed class BroadcastGroup : Group
{
    public BroadcastGroup(params string[] paths)
        : base(paths, null)
    {
    }

    public BroadcastGroup(IEnumerable<string> paths)
        : base(paths, null)
    {
    }

    public BroadcastGroup(IEnumerable<string> paths, string? routerDispatcher)
        : base(paths, routerDispatcher)
    {
    }

    /// <summary>From a deployment section (<c>router = broadcast-group</c>, <c>routees.paths = [...]</c>).</summary>
    public BroadcastGroup(Config config)
        : base(config)
    {
    }

    public override Router CreateRouter(ActorSystem system) => new(new BroadcastRoutingLogic());

    public override BroadcastGroup WithDispatcher(string dispatcher) => new(Paths, dispatcher);
}
