using System.Linq.Expressions;
using ActorParallel.Actor;

namespace ActorParallel.TestKit;

/// <summary>A <see cref="TestActorRefBase{TActor}"/> created from Props or a factory; see TestKitBase.ActorOfAsTestActorRef.</summary>
public class TestActorRef<TActor> : TestActorRefBase<TActor>
    where TActor : ActorBase
{
    public TestActorRef(ActorSystem system, Props actorProps, IActorRef? supervisor = null, string? name = null)
        : base(system, actorProps, supervisor, name)
    {
    }

    public TestActorRef(ActorSystem system, Expression<Func<TActor>> factory, IActorRef? supervisor = null, string? name = null)
        : base(system, Props.Create(factory), supervisor, name)
    {
    }
}
