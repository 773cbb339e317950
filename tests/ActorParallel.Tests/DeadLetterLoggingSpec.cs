using ActorParallel.Actor;
using ActorParallel.Configuration;
using ActorParallel.Event;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public sealed class DeadLetterLoggingSpec(ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    private static string NextDeadLetterLog(TestKit.Xunit2.TestKit kit) =>
        ((Info)kit.FishForMessage(m => m is Info { Message: string text } && text.Contains("was not delivered", StringComparison.Ordinal), Generous)).Message.ToString()!;

    [Fact]
    public void Logging_resumes_after_the_suspend_duration_and_reports_what_was_skipped()
    {
        using var kit = new TestKit.Xunit2.TestKit("""
            actorparallel.log-dead-letters = 2
            actorparallel.log-dead-letters-suspend-duration = 200ms
            """, output);
        Assert.Equal(TimeSpan.FromMilliseconds(200), kit.Sys.Settings.LogDeadLettersSuspendDuration);
        kit.Sys.EventStream.Subscribe(kit.TestActor, typeof(Info));
        kit.Sys.DeadLetters.Tell("one");
        Assert.Contains("[1] dead letters encountered.", NextDeadLetterLog(kit), StringComparison.Ordinal);
        kit.Sys.DeadLetters.Tell("two");
        Assert.Contains("no more dead letters will be logged in next", NextDeadLetterLog(kit), StringComparison.Ordinal);

        // Keep sending until the pause is over: exactly one resumption line then reports the skipped ones.
        kit.AwaitAssert(() =>
        {
            kit.Sys.DeadLetters.Tell("more");
            var line = kit.FishForMessage(m => m is Info { Message: string text } && text.Contains("were not logged", StringComparison.Ordinal), TimeSpan.FromMilliseconds(300));
            Assert.Contains("The counter will be reset now.", ((Info)line).Message.ToString(), StringComparison.Ordinal);
        }, Generous, TimeSpan.FromMilliseconds(50));

        kit.Sys.DeadLetters.Tell("after reset");
        Assert.Contains("[1] dead letters encountered.", NextDeadLetterLog(kit), StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_suspend_duration_stops_logging_for_good()
    {
        using var kit = new TestKit.Xunit2.TestKit("""
            actorparallel.log-dead-letters = 1
            actorparallel.log-dead-letters-suspend-duration = infinite
            """, output);
        Assert.Null(kit.Sys.Settings.LogDeadLettersSuspendDuration);
        kit.Sys.EventStream.Subscribe(kit.TestActor, typeof(Info));
        kit.Sys.DeadLetters.Tell("one");
        var line = NextDeadLetterLog(kit);
        Assert.Contains("no more dead letters will be logged.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("in next", line, StringComparison.Ordinal);
        kit.Sys.DeadLetters.Tell("two");
        kit.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }
}
