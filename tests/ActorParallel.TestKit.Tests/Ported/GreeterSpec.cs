// Written the way Akka.NET 1.5 specs are (async TestKit, xunit ITestOutputHelper); porting such a spec
// takes nothing but the rename Akka -> ActorParallel.
using ActorParallel.Actor;
using ActorParallel.Event;
using Xunit.Abstractions;

namespace ActorParallel.TestKit.Tests.Ported;

public sealed record Greet(string Who);

public sealed record Greeting(string Text);

public sealed class Greeter : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public Greeter()
    {
        Receive<Greet>(greet =>
        {
            if (string.IsNullOrEmpty(greet.Who))
            {
                throw new ArgumentException("Nobody to greet", nameof(greet));
            }

            _log.Info("Greeting {0}", greet.Who);
            Sender.Tell(new Greeting($"Hello, {greet.Who}!"));
        });
    }
}

public class GreeterSpec : TestKit.Xunit2.TestKit
{
    public GreeterSpec(ITestOutputHelper output)
        : base(output: output)
    {
    }

    [Fact]
    public async Task Greeter_should_reply_with_a_greeting()
    {
        var greeter = Sys.ActorOf(Props.Create(() => new Greeter()), "greeter");
        greeter.Tell(new Greet("Bob"));
        var greeting = await ExpectMsgAsync<Greeting>();
        Assert.Equal("Hello, Bob!", greeting.Text);
        Assert.Equal(greeter, LastSender);
    }

    [Fact]
    public async Task Greeter_should_log_each_greeting()
    {
        var greeter = Sys.ActorOf(Props.Create(() => new Greeter()));
        await EventFilter.Info("Greeting Alice").ExpectOneAsync(async () =>
        {
            greeter.Tell(new Greet("Alice"));
            await ExpectMsgAsync<Greeting>();
        });
    }

    [Fact]
    public async Task Greeter_should_crash_and_restart_on_an_empty_name()
    {
        var greeter = Sys.ActorOf(Props.Create(() => new Greeter()));
        await EventFilter.Exception<ArgumentException>().ExpectOneAsync(() => greeter.Tell(new Greet("")));
        greeter.Tell(new Greet("again"));
        await ExpectMsgAsync<Greeting>(g => g.Text == "Hello, again!");
    }

    [Fact]
    public async Task Greeter_should_answer_probes_within_a_deadline()
    {
        var greeter = Sys.ActorOf(Props.Create(() => new Greeter()));
        var probe = CreateTestProbe();
        await WithinAsync(TimeSpan.FromSeconds(3), async () =>
        {
            greeter.Tell(new Greet("one"), probe.Ref);
            greeter.Tell(new Greet("two"), probe.Ref);
            var greetings = await probe.ReceiveNAsync(2).ToListAsync();
            Assert.Equal(2, greetings.Count);
            await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        });
    }

    [Fact]
    public async Task Greeter_should_stop_on_PoisonPill()
    {
        var greeter = Sys.ActorOf(Props.Create(() => new Greeter()));
        Watch(greeter);
        greeter.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(greeter);
        await AwaitAssertAsync(() => Assert.True(((IInternalActorRef)greeter).IsTerminated));
    }
}
