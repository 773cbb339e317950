using ActorParallel.Actor;
using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.TestKit;

/// <summary>
/// A reference whose messages a test inspects with Expect*, usable anywhere an <see cref="IActorRef"/> is:
/// pass it as a sender, a dependency or a watcher.
/// </summary>
public class TestProbe : TestKitBase, IInternalActorRef
{
    private static int _probeCount;

    public TestProbe(ActorSystem system, ITestKitAssertions assertions, string? testProbeName = null)
        : base(assertions, system, testProbeName ?? "testProbe" + Interlocked.Increment(ref _probeCount).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-", isProbe: true)
    {
    }

    /// <summary>The probe's own reference.</summary>
    public IActorRef Ref => TestActor;

    /// <summary>Sender of the last message the probe received.</summary>
    public IActorRef Sender => LastSender;

    private IInternalActorRef Internal => (IInternalActorRef)TestActor;

    /// <summary>Sends <paramref name="message"/> to <paramref name="actor"/> with this probe as sender.</summary>
    public void Send(IActorRef actor, object message) => actor.Tell(message, TestActor);

    /// <summary>Forwards the last received message to <paramref name="actor"/>, keeping its sender.</summary>
    public void Forward(IActorRef actor) => actor.Tell(LastMessage ?? throw new InvalidOperationException("No message received yet."), LastSender);

    public void Forward(IActorRef actor, object message) => actor.Tell(message, LastSender);

    /// <summary>Replies to the sender of the last received message.</summary>
    public void Reply(object message) => LastSender.Tell(message, TestActor);

    public ActorPath Path => TestActor.Path;

    public void Tell(object message, IActorRef sender) => TestActor.Tell(message, sender);

    public bool Equals(IActorRef? other) => TestActor.Equals(other);

    public override bool Equals(object? obj) => obj is IActorRef other && TestActor.Equals(other);

    public override int GetHashCode() => TestActor.GetHashCode();

    public int CompareTo(IActorRef? other) => TestActor.CompareTo(other);

    public int CompareTo(object? obj) => TestActor.CompareTo(obj);

    public override string ToString() => $"TestProbe({TestActor})";

    IInternalActorRef IInternalActorRef.Parent => Internal.Parent;

    IActorRefProvider IInternalActorRef.Provider => Internal.Provider;

    bool IInternalActorRef.IsLocal => Internal.IsLocal;

    bool IInternalActorRef.IsTerminated => Internal.IsTerminated;

    IInternalActorRef IInternalActorRef.GetChild(IReadOnlyList<string> name) => Internal.GetChild(name);

    void IInternalActorRef.SendSystemMessage(ISystemMessage message) => Internal.SendSystemMessage(message);

    void IInternalActorRef.Stop() => Internal.Stop();

    void IInternalActorRef.Suspend() => Internal.Suspend();

    void IInternalActorRef.Resume(Exception? causedByFailure) => Internal.Resume(causedByFailure);

    void IInternalActorRef.Restart(Exception cause) => Internal.Restart(cause);
}
