using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.Actor;

/// <summary>The runtime's view of a reference: system messages, parent, provider.</summary>
public interface IInternalActorRef : IActorRef
{
    IInternalActorRef Parent { get; }

    IActorRefProvider Provider { get; }

    bool IsLocal { get; }

    /// <summary>True once the actor has stopped (best effort for remote references).</summary>
    bool IsTerminated { get; }

    IInternalActorRef GetChild(IReadOnlyList<string> name);

    void SendSystemMessage(ISystemMessage message);

    void Stop();

    void Suspend();

    void Resume(Exception? causedByFailure = null);

    void Restart(Exception cause);
}
