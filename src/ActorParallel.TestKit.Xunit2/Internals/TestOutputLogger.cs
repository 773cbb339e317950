using ActorParallel.Actor;
using ActorParallel.Event;
using ActorParallel.TestKit.Internal;
using Xunit.Abstractions;

namespace ActorParallel.TestKit.Xunit2.Internals;

/// <summary>Writes log events at or above the system's log level to the test's output, except those an active EventFilter intercepts.</summary>
public sealed class TestOutputLogger : ReceiveActor
{
    public TestOutputLogger(ITestOutputHelper output)
    {
        Receive<InitializeLogger>(_ => Sender.Tell(LoggerInitialized.Instance));
        var registry = EventFilterRegistry.Get(Context.System);
        Receive<LogEvent>(logEvent =>
        {
            if (Context.System.EventStream.IsEnabled(logEvent.LogLevel()) && !registry.IsMuted(logEvent))
            {
                try
                {
                    output.WriteLine(logEvent.ToString());
                }
                catch (InvalidOperationException)
                {
                    // The test has finished; xunit no longer accepts output for it.
                }
            }
        });
    }
}
