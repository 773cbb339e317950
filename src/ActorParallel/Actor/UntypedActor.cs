namespace ActorParallel.Actor;

/// <summary>An actor with one message method; call <see cref="ActorBase.Unhandled"/> for what you do not handle.</summary>
public abstract class UntypedActor : ActorBase
{
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    protected abstract void OnReceive(object message);

    protected static new IUntypedActorContext Context => (IUntypedActorContext)ActorBase.Context;

    protected void Become(UntypedReceive receive) => Cell.Become(ToReceive(receive));

    protected void BecomeStacked(UntypedReceive receive) => Cell.BecomeStacked(ToReceive(receive));

    internal static Receive ToReceive(UntypedReceive receive) => message =>
    {
        receive(message);
        return true;
    };

    /// <summary>Runs async work inside the actor: no other message is processed until the task completes.</summary>
    protected static void RunTask(Func<Task> action) => ActorCell.Current!.RunTask(action);

    /// <summary>Runs work inside the actor's task scheduler (kept for source compatibility).</summary>
    protected static void RunTask(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        RunTask(() =>
        {
            action();
            return Task.CompletedTask;
        });
    }
}
