namespace ActorParallel.Actor;

/// <summary>Creates actor instances for <see cref="Props.CreateBy"/> (e.g. from a DI container).</summary>
public interface IIndirectActorProducer
{
    Type ActorType { get; }

    ActorBase Produce();

    void Release(ActorBase actor);
}
