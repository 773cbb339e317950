using ActorParallel.Actor;
using Xunit.Sdk;

namespace ActorParallel.TestKit.Tests;

public sealed class ExpectMsgSpec : Xunit2.TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task ExpectMsg_returns_the_message_of_the_expected_type()
    {
        TestActor.Tell("hello");
        Assert.Equal("hello", await ExpectMsgAsync<string>());
        TestActor.Tell(42);
        Assert.Equal(42, ExpectMsg<int>());
    }

    [Fact]
    public async Task ExpectMsg_overloads_check_value_predicate_assertion_and_sender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        echo.Tell("a");
        echo.Tell("b");
        echo.Tell("c");
        echo.Tell("d");
        echo.Tell("e");
        echo.Tell("f");
        await ExpectMsgAsync("a");
        await ExpectMsgAsync<string>(s => s == "b");
        await ExpectMsgAsync<string>(s => Assert.Equal("c", s));
        ExpectMsg<string>((s, sender) => s == "d" && sender.Equals(echo));
        ExpectMsg<string>((s, sender) => Assert.Equal(echo, sender));
        ExpectMsg("F", (x, y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public async Task ExpectMsg_timeout_says_what_was_expected_and_the_hint()
    {
        var failure = await Assert.ThrowsAnyAsync<XunitException>(async () => await ExpectMsgAsync<string>(Short, "the greeting"));
        Assert.Contains("Timeout", failure.Message, StringComparison.Ordinal);
        Assert.Contains("System.String", failure.Message, StringComparison.Ordinal);
        Assert.Contains("no message arrived", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Hint: the greeting", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_of_the_wrong_type_says_what_arrived()
    {
        TestActor.Tell(42);
        var failure = Assert.ThrowsAny<XunitException>(() => ExpectMsg<string>(Short, "a string please"));
        Assert.Contains("System.String", failure.Message, StringComparison.Ordinal);
        Assert.Contains("42", failure.Message, StringComparison.Ordinal);
        Assert.Contains("System.Int32", failure.Message, StringComparison.Ordinal);
        Assert.Contains("a string please", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_of_a_different_value_says_both()
    {
        TestActor.Tell("bye");
        var failure = Assert.ThrowsAny<XunitException>(() => ExpectMsg("hello", Short));
        Assert.Contains("<hello>", failure.Message, StringComparison.Ordinal);
        Assert.Contains("<bye>", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_predicate_failure_names_the_message()
    {
        TestActor.Tell("x");
        var failure = Assert.ThrowsAny<XunitException>(() => ExpectMsg<string>(s => s == "y", Short));
        Assert.Contains("<x>", failure.Message, StringComparison.Ordinal);
        Assert.Contains("predicate", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgFrom_checks_the_sender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        echo.Tell("one");
        echo.Tell("two");
        echo.Tell("three");
        echo.Tell("four");
        Assert.Equal("one", await ExpectMsgFromAsync<string>(echo));
        ExpectMsgFrom(echo, "two");
        await ExpectMsgFromAsync<string>(echo, s => s == "three");
        ExpectMsgFrom<string>(echo, s => Assert.Equal("four", s));

        TestActor.Tell("from the test");
        var failure = Assert.ThrowsAny<XunitException>(() => ExpectMsgFrom<string>(echo, Short));
        Assert.Contains("came from", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAllOf_accepts_any_order()
    {
        TestActor.Tell(3);
        TestActor.Tell(1);
        TestActor.Tell(2);
        var all = ExpectMsgAllOf(1, 2, 3);
        Assert.Equal([3, 1, 2], all);

        TestActor.Tell("b");
        TestActor.Tell("a");
        var received = await ExpectMsgAllOfAsync(new[] { "a", "b" }).ToListAsync();
        Assert.Equal(["b", "a"], received);

        TestActor.Tell("y");
        TestActor.Tell("x");
        Assert.Equal(2, ExpectMsgAllOf(TimeSpan.FromSeconds(3), (IReadOnlyCollection<string>)["x", "y"]).Count);
    }

    [Fact]
    public void ExpectMsgAllOf_reports_missing_and_unexpected()
    {
        TestActor.Tell(1);
        var timeout = Assert.ThrowsAny<XunitException>(() => ExpectMsgAllOf(Short, 1, 2));
        Assert.Contains("missing [2]", timeout.Message, StringComparison.Ordinal);

        TestActor.Tell(1);
        TestActor.Tell(5);
        var unexpected = Assert.ThrowsAny<XunitException>(() => ExpectMsgAllOf(Short, 1, 2));
        Assert.Contains("unexpected [5]", unexpected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAnyOf_accepts_one_of_the_candidates()
    {
        TestActor.Tell("b");
        Assert.Equal("b", ExpectMsgAnyOf("a", "b", "c"));
        TestActor.Tell("c");
        Assert.Equal("c", await ExpectMsgAnyOfAsync(new[] { "a", "c" }));
        TestActor.Tell("z");
        var failure = Assert.ThrowsAny<XunitException>(() => ExpectMsgAnyOf("a", "b"));
        Assert.Contains("<z>", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectNoMsg_passes_when_silent_and_fails_naming_the_intruder()
    {
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        // ExpectNoMsg fails as soon as a message arrives, so a long window costs nothing here and keeps
        // a slow delivery (a cold thread pool right after the build) from passing the check by accident.
        TestActor.Tell("intruder");
        var failure = await Assert.ThrowsAnyAsync<XunitException>(async () => await ExpectNoMsgAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("intruder", failure.Message, StringComparison.Ordinal);
        TestActor.Tell("again");
        Assert.ThrowsAny<XunitException>(() => ExpectNoMsg(5000));
        await ExpectNoMsgAsync(50);
    }

    [Fact]
    public async Task ExpectTerminated_sees_a_watched_actor_stop()
    {
        var first = Sys.ActorOf(Props.Create<EchoActor>());
        var second = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(first);
        Watch(second);
        Sys.Stop(first);
        Assert.Equal(first, ExpectTerminated(first).ActorRef);
        Sys.Stop(second);
        await ExpectTerminatedAsync(second);
    }

    [Fact]
    public void ExpectTerminated_timeout_hints_at_Watch()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());
        var failure = Assert.ThrowsAny<XunitException>(() => ExpectTerminated(actor, Short));
        Assert.Contains("Watch", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unwatch_stops_Terminated_from_arriving()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(actor);
        Unwatch(actor);
        Sys.Stop(actor);
        ExpectNoMsg(Short);
    }
}
