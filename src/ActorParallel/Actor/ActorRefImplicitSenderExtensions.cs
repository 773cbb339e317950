namespace ActorParallel.Actor;

/// <summary>Tell and Forward with an implicit sender: the current actor inside an actor, else no sender.</summary>
public static class ActorRefImplicitSenderExtensions
{
    /// <summary>
    /// Sender used by Tell outside actors; flows with the async context. The TestKit sets it to its
    /// TestActor so that replies to messages told from a test arrive at the test.
    /// </summary>
    internal static readonly AsyncLocal<IActorRef?> OutsideSender = new();

    /// <summary>The current actor, else the outside sender (TestKit), else no sender.</summary>
    internal static IActorRef ImplicitSender => ActorCell.Current?.Self ?? OutsideSender.Value ?? ActorRefs.NoSender;

    public static void Tell(this IActorRef receiver, object message) => receiver.Tell(message, ImplicitSender);

    /// <summary>Tells <paramref name="message"/> keeping the sender of the message being processed.</summary>
    public static void Forward(this IActorRef receiver, object message) =>
        receiver.Tell(message, ActorCell.Current?.Sender ?? OutsideSender.Value ?? ActorRefs.NoSender);
}
