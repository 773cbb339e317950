using ActorParallel.Actor;
using System.Collections;
using Xunit.Sdk;

namespace ActorParallel.TestKit.Tests;

public sealed class ReceiveSpec : Xunit2.TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task ReceiveOne_returns_the_next_message_or_null()
    {
        TestActor.Tell("x");
        Assert.Equal("x", ReceiveOne());
        Assert.Null(await ReceiveOneAsync(TimeSpan.FromMilliseconds(50)));
        Assert.False(HasMessages);
    }

    [Fact]
    public async Task ReceiveN_returns_exactly_n_messages_in_order()
    {
        for (var i = 0; i < 5; i++)
        {
            TestActor.Tell(i);
        }

        Assert.Equal([0, 1, 2], ReceiveN(3));
        Assert.Equal([3, 4], await ReceiveNAsync(2, TimeSpan.FromSeconds(3)).ToListAsync());
    }

    [Fact]
    public void ReceiveN_timeout_says_how_many_arrived()
    {
        TestActor.Tell(1);
        var failure = Assert.ThrowsAny<XunitException>(() => ReceiveN(3, Short));
        Assert.Contains("expecting 3 messages: only 1 arrived", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveWhile_with_a_filter_stops_at_null_and_leaves_that_message()
    {
        TestActor.Tell("a");
        TestActor.Tell("b");
        TestActor.Tell(42);
        var strings = ReceiveWhile(Short, m => m as string);
        Assert.Equal(["a", "b"], strings);
        Assert.Equal(42, ExpectMsg<int>());

        TestActor.Tell("c");
        TestActor.Tell("d");
        var limited = await ReceiveWhileAsync(Short, m => m as string, msgs: 1).ToListAsync();
        Assert.Equal(["c"], limited);
        Assert.Equal("d", ExpectMsg<string>());
    }

    [Fact]
    public void ReceiveWhile_stops_after_idle_time()
    {
        TestActor.Tell("a");
        var received = ReceiveWhile(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), m => m as string);
        Assert.Equal(["a"], received);
    }

    [Fact]
    public async Task ReceiveWhile_with_a_predicate_skips_other_types_unless_told_not_to()
    {
        TestActor.Tell(1);
        TestActor.Tell("skipped");
        TestActor.Tell(2);
        TestActor.Tell(99);
        TestActor.Tell(3);
        var numbers = ReceiveWhile<int>(n => n < 10, Short);
        Assert.Equal([1, 2], numbers);
        Assert.Equal(3, ExpectMsg<int>());

        TestActor.Tell(4);
        TestActor.Tell("stop");
        var strict = await ReceiveWhileAsync<int>(_ => true, Short, shouldIgnoreOtherMessageTypes: false).ToListAsync();
        Assert.Equal([4], strict);
        Assert.Equal("stop", ExpectMsg<string>());
    }

    [Fact]
    public async Task FishForMessage_discards_until_the_predicate_matches()
    {
        TestActor.Tell(1);
        TestActor.Tell("noise");
        TestActor.Tell(2);
        Assert.Equal(2, FishForMessage(m => m is 2));

        TestActor.Tell("a");
        TestActor.Tell(7);
        TestActor.Tell("target");
        var discarded = new ArrayList();
        Assert.Equal("target", FishForMessage<string>(s => s == "target", discarded));
        Assert.Equal(new object[] { "a", 7 }, discarded.ToArray());

        TestActor.Tell(5);
        Assert.Equal(5, await FishForMessageAsync<int>(n => n > 4));
        TestActor.Tell("o");
        Assert.Equal("o", await FishForMessageAsync(m => m is "o"));
    }

    [Fact]
    public void FishForMessage_timeout_names_the_type_and_hint()
    {
        TestActor.Tell("nope");
        var failure = Assert.ThrowsAny<XunitException>(() => FishForMessage<int>(_ => true, Short, "the answer"));
        Assert.Contains("System.Int32", failure.Message, StringComparison.Ordinal);
        Assert.Contains("1 other message(s) discarded", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the answer", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IgnoreMessages_drops_matching_messages_until_IgnoreNoMessages()
    {
        IgnoreMessages<int>();
        TestActor.Tell(1);
        TestActor.Tell("kept");
        Assert.Equal("kept", await ExpectMsgAsync<string>());

        IgnoreMessages(m => m is "drop");
        TestActor.Tell("drop");
        TestActor.Tell(2);
        TestActor.Tell("keep");
        Assert.Equal(2, await ExpectMsgAsync<int>());
        Assert.Equal("keep", await ExpectMsgAsync<string>());

        IgnoreMessages<string>(s => s.StartsWith('x'));
        TestActor.Tell("xray");
        TestActor.Tell("yes");
        Assert.Equal("yes", await ExpectMsgAsync<string>());

        IgnoreNoMessages();
        TestActor.Tell("xenon");
        Assert.Equal("xenon", await ExpectMsgAsync<string>());
    }
}

public sealed class ReceiveMoreSpec : Xunit2.TestKit
{
    [Fact]
    public async Task FishUntilMessageAsync_and_WaitForRadioSilenceAsync()
    {
        TestActor.Tell("noise");
        TestActor.Tell(3);
        TestActor.Tell(4);
        await FishUntilMessageAsync<int>(n => n == 4);
        TestActor.Tell("x");
        await FishUntilMessageAsync<string>();

        TestActor.Tell(1);
        TestActor.Tell(2);
        var heard = await WaitForRadioSilenceAsync(TimeSpan.FromMilliseconds(100));
        Assert.Equal(new object[] { 1, 2 }, heard.ToArray());

        TestActor.Tell(1);
        TestActor.Tell(2);
        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => WaitForRadioSilenceAsync(TimeSpan.FromMilliseconds(100), maxMessages: 1));
        Assert.Contains("at most 1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sender_aware_ExpectMsgAsync_overloads()
    {
        TestActor.Tell("a", TestActor);
        TestActor.Tell("b", TestActor);
        await ExpectMsgAsync<string>((m, sender) => m == "a" && sender.Equals(TestActor));
        await ExpectMsgAsync<string>((m, sender) => Assert.Equal(TestActor, sender));
        Assert.True(await AwaitConditionNoThrowAsync(() => true, TimeSpan.FromSeconds(1)));
        Assert.False(await AwaitConditionNoThrowAsync(() => false, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void CallingThreadDispatcher_Id_runs_an_actor_on_the_sending_thread()
    {
        var threads = new List<int>();
        var actor = Sys.ActorOf(Props.Create(() => new ThreadRecorder(threads)).WithDispatcher(CallingThreadDispatcher.Id));
        actor.Tell("x");
        Assert.Equal([Environment.CurrentManagedThreadId], threads);
    }

    private sealed class ThreadRecorder : ReceiveActor
    {
        public ThreadRecorder(List<int> threads) => ReceiveAny(_ => threads.Add(Environment.CurrentManagedThreadId));
    }
}
