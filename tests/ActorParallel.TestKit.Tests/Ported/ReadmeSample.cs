// The README's TestKit sample, compiled and run verbatim: it lives outside the ActorParallel namespace,
// as user code does, so `TestKit` names the xunit base class.
using ActorParallel.Actor;
using ActorParallel.TestKit;
using ActorParallel.TestKit.Xunit2;
using Xunit.Abstractions;

namespace ReadmeSample;

public sealed class Echo : ReceiveActor
{
    public Echo()
    {
        Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
        ReceiveAny(message => Sender.Tell(message));
    }
}

public class EchoSpec(ITestOutputHelper output) : TestKit(output: output)
{
    [Fact]
    public async Task Echo_replies_and_survives_a_crash()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()), "echo");

        echo.Tell("hello");
        Assert.Equal("hello", await ExpectMsgAsync<string>());

        // The crash is logged as an Error; the filter expects exactly one and keeps it out of the log.
        await EventFilter.Exception<InvalidOperationException>().ExpectOneAsync(() => echo.Tell("boom"));

        var probe = CreateTestProbe();
        echo.Tell(1, probe.Ref);
        echo.Tell(2, probe.Ref);
        Assert.Equal(2, (await probe.ExpectMsgAllOfAsync(new[] { 2, 1 }).ToListAsync()).Count);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }
}

/// <summary>Synchronous Akka-style spec: Within, AwaitAssert, TestActorRef.</summary>
public class CounterSpec : TestKit
{
    private sealed class Counter : ReceiveActor
    {
        public int Value { get; private set; }

        public Counter() => ReceiveAny(_ => Value++);
    }

    [Fact]
    public void Counter_counts_synchronously_under_a_TestActorRef()
    {
        var counter = ActorOfAsTestActorRef<Counter>(Props.Create(() => new Counter()));
        counter.Tell("a");
        counter.Tell("b");
        Assert.Equal(2, counter.UnderlyingActor.Value);

        Within(TimeSpan.FromSeconds(3), () =>
        {
            TestActor.Tell("ping");
            ExpectMsg("ping");
            AwaitAssert(() => Assert.Equal(2, counter.UnderlyingActor.Value));
        });
    }
}
