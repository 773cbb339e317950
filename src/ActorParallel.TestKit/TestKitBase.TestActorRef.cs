using System.Linq.Expressions;
using ActorParallel.Actor;

namespace ActorParallel.TestKit;

public abstract partial class TestKitBase
{
    public TestActorRef<TActor> ActorOfAsTestActorRef<TActor>(Props props, string? name = null)
        where TActor : ActorBase => new(Sys, props, null, name);

    public TestActorRef<TActor> ActorOfAsTestActorRef<TActor>(Props props, IActorRef supervisor, string? name = null)
        where TActor : ActorBase => new(Sys, props, supervisor, name);

    public TestActorRef<TActor> ActorOfAsTestActorRef<TActor>(Expression<Func<TActor>> factory, string? name = null)
        where TActor : ActorBase => new(Sys, Props.Create(factory), null, name);

    public TestActorRef<TActor> ActorOfAsTestActorRef<TActor>(Expression<Func<TActor>> factory, IActorRef supervisor, string? name = null)
        where TActor : ActorBase => new(Sys, Props.Create(factory), supervisor, name);

    public TestActorRef<TActor> ActorOfAsTestActorRef<TActor>(string? name = null)
        where TActor : ActorBase, new() => new(Sys, Props.Create<TActor>(), null, name);

    public TestActorRef<TActor> ActorOfAsTestActorRef<TActor>(IActorRef supervisor, string? name = null)
        where TActor : ActorBase, new() => new(Sys, Props.Create<TActor>(), supervisor, name);

    public TestActorRef<TActor> ActorOfAsTestActorRef<TActor>(ActorSystem system, Props props, IActorRef? supervisor = null, string? name = null)
        where TActor : ActorBase => new(system, props, supervisor, name);
}
