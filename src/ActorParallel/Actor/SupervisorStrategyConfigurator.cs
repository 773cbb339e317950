namespace ActorParallel.Actor;

/// <summary>Creates the /user guardian's strategy; named by <c>actorparallel.actor.guardian-supervisor-strategy</c>.</summary>
public abstract class SupervisorStrategyConfigurator
{
    public abstract SupervisorStrategy Create();
}

/// <summary>The default guardian strategy: <see cref="SupervisorStrategy.DefaultStrategy"/> (restart).</summary>
public sealed class DefaultSupervisorStrategy : SupervisorStrategyConfigurator
{
    public override SupervisorStrategy Create() => SupervisorStrategy.DefaultStrategy;
}

/// <summary>A guardian strategy that stops failed top-level actors.</summary>
public sealed class StoppingSupervisorStrategy : SupervisorStrategyConfigurator
{
    public override SupervisorStrategy Create() => SupervisorStrategy.StoppingStrategy;
}
