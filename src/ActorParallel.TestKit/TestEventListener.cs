using ActorParallel.Actor;
using ActorParallel.Event;
using ActorParallel.TestKit.Internal;
using ActorParallel.TestKit.TestEvent;

namespace ActorParallel.TestKit;

/// <summary>
/// The TestKit's logger (<c>actorparallel.loggers</c> in its reference config): prints log events like
/// <see cref="DefaultLogger"/> except those an active EventFilter intercepts, which it counts instead.
/// Dead letters and unhandled messages become Warnings, so EventFilter.DeadLetter can intercept them.
/// </summary>
public class TestEventListener : DefaultLogger
{
    private EventFilterRegistry? _registry;

    private EventFilterRegistry Registry => _registry ??= EventFilterRegistry.Get(Context.System);

    protected override void PreStart()
    {
        var stream = Context.System.EventStream;
        stream.Subscribe(Self, typeof(Mute));
        stream.Subscribe(Self, typeof(UnMute));
        stream.Subscribe(Self, typeof(DeadLetter));
        stream.Subscribe(Self, typeof(UnhandledMessage));
        stream.Subscribe(Self, typeof(Flush));
    }

    /// <summary>
    /// Completed by the listener when it reaches this message: every event published before it has then
    /// been counted, so an EventFilter applier can judge the count without racing the listener's mailbox.
    /// </summary>
    internal sealed class Flush : INoSerializationVerificationNeeded
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case LogEvent logEvent:
                if (!Registry.Apply(logEvent))
                {
                    Print(logEvent);
                }

                return true;
            case Flush flush:
                flush.Done.TrySetResult();
                return true;
            case Mute mute:
                Registry.Add(mute.Filters);
                return true;
            case UnMute unMute:
                Registry.Remove(unMute.Filters);
                return true;
            case DeadLetter deadLetter:
                // Only counted: the dead-letter listener already logs each dead letter (as Info).
                _ = Registry.Apply(new Warning(deadLetter.Recipient.Path.ToString(), deadLetter.Recipient.GetType(), deadLetter));
                return true;
            case UnhandledMessage unhandled:
                Receive(new Warning(unhandled.Recipient.Path.ToString(), unhandled.Recipient.GetType(),
                    $"Unhandled message from {unhandled.Sender}: {unhandled.Message}"));
                return true;
            default:
                return base.Receive(message);
        }
    }
}
