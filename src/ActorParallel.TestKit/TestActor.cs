using ActorParallel.Actor;

namespace ActorParallel.TestKit;

/// <summary>Messages understood by a TestKit's TestActor (and every TestProbe's).</summary>
public static class TestActor
{
    /// <summary>Returns true for messages the TestActor should drop instead of queueing.</summary>
    public delegate bool Ignore(object message);

    /// <summary>Installs (or, with null, removes) an <see cref="TestActor.Ignore"/> predicate.</summary>
    public sealed class SetIgnore(Ignore? ignore) : INoSerializationVerificationNeeded
    {
        public Ignore? Ignore { get; } = ignore;
    }

    /// <summary>Makes the TestActor watch <see cref="Actor"/>; its Terminated arrives as a message.</summary>
    public sealed class Watch(IActorRef actor) : INoSerializationVerificationNeeded
    {
        public IActorRef Actor { get; } = actor ?? throw new ArgumentNullException(nameof(actor));
    }

    public sealed class Unwatch(IActorRef actor) : INoSerializationVerificationNeeded
    {
        public IActorRef Actor { get; } = actor ?? throw new ArgumentNullException(nameof(actor));
    }

    /// <summary>Installs an <see cref="TestKit.AutoPilot"/>, run on every message the TestActor receives.</summary>
    public sealed class SetAutoPilot(AutoPilot autoPilot) : INoSerializationVerificationNeeded
    {
        public AutoPilot AutoPilot { get; } = autoPilot ?? throw new ArgumentNullException(nameof(autoPilot));
    }
}
