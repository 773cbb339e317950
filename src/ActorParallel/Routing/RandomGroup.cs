using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>A group that sends each message to a routee picked at random.</summary>
public sealed class RandomGroup : Group
{
    public RandomGroup(params string[] paths)
        : base(paths, null)
    {
    }

    public RandomGroup(IEnumerable<string> paths)
        : base(paths, null)
    {
    }

    public RandomGroup(IEnumerable<string> paths, string? routerDispatcher)
        : base(paths, routerDispatcher)
    {
    }

    /// <summary>From a deployment section (<c>router = random-group</c>, <c>routees.paths = [...]</c>).</summary>
    public RandomGroup(Config config)
        : base(config)
    {
    }

    public override Router CreateRouter(ActorSystem system) => new(new RandomLogic());

    public override RandomGroup WithDispatcher(string dispatcher) => new(Paths, dispatcher);
}
