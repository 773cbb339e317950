using ActorParallel.Dispatch.SysMsg;

namespace ActorParallel.Actor;

/// <summary>A reference with no actor behind it (dead letters, Nobody, temporary Ask replies).</summary>
public abstract class MinimalActorRef : ActorRefBase, IInternalActorRef
{
    public virtual IInternalActorRef Parent => Nobody.Instance;

    public abstract IActorRefProvider Provider { get; }

    public bool IsLocal => true;

    public virtual bool IsTerminated => false;

    public IInternalActorRef GetChild(IReadOnlyList<string> name) =>
        name.All(string.IsNullOrEmpty) ? this : Nobody.Instance;

    protected override void TellInternal(object message, IActorRef sender)
    {
    }

    public virtual void SendSystemMessage(ISystemMessage message)
    {
    }

    public virtual void Stop()
    {
    }

    public void Suspend()
    {
    }

    public void Resume(Exception? causedByFailure = null)
    {
    }

    public void Restart(Exception cause)
    {
    }
}
