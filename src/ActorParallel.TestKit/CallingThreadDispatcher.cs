namespace ActorParallel.TestKit;

/// <summary>
/// The TestKit's calling-thread dispatcher, configured at <see cref="Id"/> by its reference config:
/// <c>Props.WithDispatcher(CallingThreadDispatcher.Id)</c> runs an actor synchronously on the sending thread.
/// </summary>
public static class CallingThreadDispatcher
{
    public const string Id = "actorparallel.test.calling-thread-dispatcher";
}
