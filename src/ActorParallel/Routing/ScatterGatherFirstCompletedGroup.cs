using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Routing;

/// <summary>A group that asks all routees and forwards the first reply (or a timeout failure after <see cref="Within"/>).</summary>
public sealed class ScatterGatherFirstCompletedGroup : Group
{
    public ScatterGatherFirstCompletedGroup(TimeSpan within, params string[] paths)
        : this(paths, within, null)
    {
    }

    public ScatterGatherFirstCompletedGroup(IEnumerable<string> paths, TimeSpan within)
        : this(paths, within, null)
    {
    }

    public ScatterGatherFirstCompletedGroup(IEnumerable<string> paths, TimeSpan within, string? routerDispatcher)
        : base(paths, routerDispatcher)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(within, TimeSpan.Zero);
        Within = within;
    }

    /// <summary>From a deployment section (<c>router = scatter-gather-group</c>, <c>routees.paths</c>, <c>within</c>).</summary>
    public ScatterGatherFirstCompletedGroup(Config config)
        : base(config)
    {
        Within = TailChoppingPool.ReadPositive(config, "within", ScatterGatherFirstCompletedPool.DefaultWithin);
    }

    public TimeSpan Within { get; }

    public override Router CreateRouter(ActorSystem system) => new(new ScatterGatherFirstCompletedRoutingLogic(Within));

    public override ScatterGatherFirstCompletedGroup WithDispatcher(string dispatcher) => new(Paths, Within, dispatcher);
}
