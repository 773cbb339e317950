using System.Text.RegularExpressions;
using ActorParallel.Actor;
using ActorParallel.Event;
using ActorParallel.TestKit.Internal;
using ActorParallel.TestKit.TestEvent;
using Xunit.Sdk;

namespace ActorParallel.TestKit.Tests;

public sealed class EventFilterSpec : Xunit2.TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    private IActorRef Counter() => Sys.ActorOf(Props.Create<CounterActor>());

    [Fact]
    public void The_TestKit_system_logs_through_the_TestEventListener()
    {
        var loggers = Sys.Settings.Config.GetStringList("actorparallel.loggers");
        Assert.Equal(["ActorParallel.TestKit.TestEventListener, ActorParallel.TestKit"], loggers);
    }

    [Fact]
    public void Exception_filter_intercepts_the_crash_of_an_actor()
    {
        var counter = Counter();
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => counter.Tell("boom"));
        EventFilter.Exception<InvalidOperationException>(message: "boom").ExpectOne(() => counter.Tell("boom"));
        EventFilter.Exception(typeof(Exception), contains: "oo").ExpectOne(() => counter.Tell("boom"));
    }

    [Fact]
    public async Task Async_appliers_take_actions_and_tasks()
    {
        var counter = Counter();
        await EventFilter.Exception<InvalidOperationException>().ExpectOneAsync(() => counter.Tell("boom"));
        await EventFilter.Warning(start: "careful").ExpectOneAsync(async () =>
        {
            counter.Tell("log-warning");
            await Task.Yield();
        });
        await EventFilter.Info(contains: "counted").ExpectAsync(2, () =>
        {
            counter.Tell("log-info");
            counter.Tell("log-info");
        });
        var answer = await EventFilter.Error(new Regex("^failed at \\d+$")).ExpectOneAsync(async () =>
        {
            counter.Tell("log-error");
            await Task.Yield();
            return 42;
        });
        Assert.Equal(42, answer);
    }

    [Fact]
    public void Level_filters_match_message_start_contains_and_source()
    {
        var counter = Counter();
        EventFilter.Warning("careful: 0").ExpectOne(() => counter.Tell("log-warning"));
        EventFilter.Info(start: "counted").ExpectOne(() => counter.Tell("log-info"));
        EventFilter.Error(contains: "at 0", source: counter.Path.ToString()).ExpectOne(() => counter.Tell("log-error"));
        EventFilter.ForLogLevel(LogLevel.WarningLevel, contains: "careful").ExpectOne(() => counter.Tell("log-warning"));
        var result = EventFilter.Info().ExpectOne(() =>
        {
            counter.Tell("log-info");
            return "done";
        });
        Assert.Equal("done", result);
    }

    [Fact]
    public void Debug_filter_sees_debug_events_when_the_level_allows()
    {
        Sys.EventStream.SetLogLevel(LogLevel.DebugLevel);
        var log = Logging.GetLogger(Sys, "debug-spec");
        EventFilter.Debug(message: "detail 1").ExpectOne(() => log.Debug("detail {0}", 1));
    }

    [Fact]
    public void Custom_and_DeadLetter_filters()
    {
        var counter = Counter();
        EventFilter.Custom(e => e is Warning && e.Message.ToString()!.Contains("careful", StringComparison.Ordinal))
            .ExpectOne(() => counter.Tell("log-warning"));
        EventFilter.Custom<Info>(e => e.LogSource == counter.Path.ToString()).ExpectOne(() => counter.Tell("log-info"));

        var dead = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(dead);
        Sys.Stop(dead);
        ExpectTerminated(dead);
        EventFilter.DeadLetter<string>().ExpectOne(() => dead.Tell("lost"));
        EventFilter.DeadLetter<int>(n => n == 7).ExpectOne(() => dead.Tell(7));
    }

    [Fact]
    public void And_combines_filters_and_counts_them_together()
    {
        var counter = Counter();
        EventFilter.Warning(start: "careful").And.Info(start: "counted").Expect(2, () =>
        {
            counter.Tell("log-warning");
            counter.Tell("log-info");
        });
    }

    [Fact]
    public void Expect_fails_with_a_timeout_when_too_few_events_arrive()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => EventFilter.Error(contains: "never").ExpectOne(Short, () => { }));
        Assert.Contains("Timeout", failure.Message, StringComparison.Ordinal);
        Assert.Contains("containing \"never\"", failure.Message, StringComparison.Ordinal);
        Assert.Contains("received 0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expect_fails_when_too_many_events_arrive()
    {
        var counter = Counter();
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => EventFilter.Info(start: "counted").ExpectOneAsync(Short, () =>
        {
            counter.Tell("log-info");
            counter.Tell("log-info");
            counter.Tell("get");
            ExpectMsg(0);
        }));
        Assert.Contains("too many", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mute_intercepts_until_unmuted()
    {
        var counter = Counter();
        var registry = EventFilterRegistry.Get(Sys);
        var warning = new Warning("src", typeof(object), "careful: 0");
        using (EventFilter.Warning(start: "careful").Mute())
        {
            Assert.True(registry.IsMuted(warning));
            counter.Tell("log-warning");
        }

        Assert.False(registry.IsMuted(warning));
        EventFilter.Warning().Mute(() => Assert.True(registry.IsMuted(warning)));
        Assert.Equal(1, EventFilter.Warning().Mute(() => registry.IsMuted(warning) ? 1 : 0));
        await EventFilter.Warning().MuteAsync(async () =>
        {
            await Task.Yield();
            Assert.True(registry.IsMuted(warning));
        });
        Assert.False(registry.IsMuted(warning));
    }

    [Fact]
    public void Mute_and_UnMute_messages_on_the_event_stream_reach_the_listener()
    {
        var filter = new WarningFilter(StringMatcher.Equal("published"), null);
        var warning = new Warning("src", typeof(object), "published");
        Sys.EventStream.Publish(new Mute(filter));
        AwaitCondition(() => EventFilterRegistry.Get(Sys).IsMuted(warning), TimeSpan.FromSeconds(10), "the listener applies Mute");
        Sys.EventStream.Publish(warning);
        AwaitCondition(() => filter.MatchedCount == 1, TimeSpan.FromSeconds(10), "the muted warning is counted");
        Sys.EventStream.Publish(new UnMute(filter));
        AwaitCondition(() => !EventFilterRegistry.Get(Sys).IsMuted(warning), TimeSpan.FromSeconds(10), "the listener applies UnMute");
    }
}
