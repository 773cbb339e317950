using ActorParallel.Actor;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

/// <summary>
/// Ask's fast path (no async state machine, the reply reference completes the task, its path made on
/// demand) against Akka's semantics: reply, failure, wrong type, timeout, cancellation, late replies.
/// </summary>
public sealed class AskSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output: output)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Ask_without_a_timeout_uses_the_infinite_default_and_completes_with_the_reply()
    {
        var echo = Sys.ActorOf<EchoActor>();
        Assert.Equal(Timeout.InfiniteTimeSpan, Sys.Settings.AskTimeout);
        Assert.Equal("hi", await echo.Ask("hi").WaitAsync(Long));
        Assert.Equal(7, await echo.Ask<int>(7).WaitAsync(Long));
    }

    [Fact]
    public async Task The_reply_reference_is_a_temp_path_made_on_demand_unique_per_ask_and_stable()
    {
        var reporter = Sys.ActorOf(Props.Create(() => new SenderReporter()));
        var first = await reporter.Ask<SenderReport>("who", Long);
        var second = await reporter.Ask<SenderReport>("who", Long);
        Assert.Equal(first.Path, first.PathAgain);
        Assert.Equal("temp", first.Path.Parent.Name);
        Assert.NotEqual(first.Path, second.Path);
        Assert.True(first.EqualsItself);
    }

    [Fact]
    public async Task The_message_factory_gets_the_reply_reference()
    {
        var replier = Sys.ActorOf(Props.Create(() => new ReplyToActor()));
        var reply = await replier.Ask<string>(replyTo => new Request(replyTo, "ping"), Long, CancellationToken.None);
        Assert.Equal("ping", reply);
    }

    [Fact]
    public async Task A_zero_timeout_faults_with_AskTimeoutException_naming_the_target()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()), "silent");
        var thrown = await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>("q", TimeSpan.Zero).WaitAsync(Long));
        Assert.Contains("silent", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_reply_after_the_timeout_leaves_the_task_faulted()
    {
        var gate = new ManualResetEventSlim();
        var late = Sys.ActorOf(Props.Create(() => new LateEcho(gate)));
        var ask = late.Ask<string>("q", TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask.WaitAsync(Long));
        gate.Set();
        Assert.Equal("next", await late.Ask<string>("next", Long));
        Assert.True(ask.IsFaulted);
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_the_ask_with_or_without_a_timeout()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()));
        using var withTimeout = new CancellationTokenSource();
        using var withoutTimeout = new CancellationTokenSource();
        var timed = silent.Ask<string>("q", TimeSpan.FromMinutes(5), withTimeout.Token);
        var untimed = silent.Ask<string>("q", withoutTimeout.Token);
        await withTimeout.CancelAsync();
        await withoutTimeout.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => timed.WaitAsync(Long));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => untimed.WaitAsync(Long));
        Assert.True(timed.IsCanceled);
        Assert.True(untimed.IsCanceled);
    }

    [Fact]
    public async Task An_already_cancelled_token_cancels_the_ask()
    {
        var echo = Sys.ActorOf<EchoActor>();
        var ask = echo.Ask<string>("q", TimeSpan.FromSeconds(5), new CancellationToken(canceled: true));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask.WaitAsync(Long));
        Assert.True(ask.IsCanceled);
    }

    [Fact]
    public async Task A_reply_before_the_timeout_wins_and_the_timeout_never_fires_later()
    {
        var echo = Sys.ActorOf<EchoActor>();
        var asks = Enumerable.Range(0, 200).Select(i => echo.Ask<int>(i, TimeSpan.FromMilliseconds(300))).ToArray();
        var replies = await Task.WhenAll(asks).WaitAsync(Long);
        Assert.Equal(Enumerable.Range(0, 200), replies);
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        Assert.All(asks, a => Assert.True(a.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task Argument_errors_fault_the_task_instead_of_throwing()
    {
        var nullTarget = ((IActorRef)null!).Ask<string>("q");
        await Assert.ThrowsAsync<ArgumentNullException>(() => nullTarget);
        var echo = Sys.ActorOf<EchoActor>();
        var nullFactory = echo.Ask<string>((Func<IActorRef, object>)null!, Long, CancellationToken.None);
        await Assert.ThrowsAsync<ArgumentNullException>(() => nullFactory);
        var nullMessage = echo.Ask<string>(null!, Long);
        await Assert.ThrowsAsync<ArgumentNullException>(() => nullMessage);
    }

    [Fact]
    public async Task Ask_through_a_selection_and_a_router_gets_the_routees_reply()
    {
        Sys.ActorOf<EchoActor>("echo-for-selection");
        Assert.Equal("s", await Sys.ActorSelection("/user/echo-for-selection").Ask<string>("s", Long));
        var pool = Sys.ActorOf(new ActorParallel.Routing.RoundRobinPool(2).Props(Props.Create<EchoActor>()));
        Assert.Equal("r", await pool.Ask<string>("r", Long));
    }

    private sealed record SenderReport(ActorPath Path, ActorPath PathAgain, bool EqualsItself);

    private sealed record Request(IActorRef ReplyTo, string Text);

    private sealed class SenderReporter : ReceiveActor
    {
        public SenderReporter() => ReceiveAny(_ => Sender.Tell(new SenderReport(Sender.Path, Sender.Path, Sender.Equals(Sender))));
    }

    private sealed class ReplyToActor : ReceiveActor
    {
        public ReplyToActor() => Receive<Request>(r => r.ReplyTo.Tell(r.Text));
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    private sealed class LateEcho : ReceiveActor
    {
        public LateEcho(ManualResetEventSlim gate) => ReceiveAny(message =>
        {
            gate.Wait(Long);
            Sender.Tell(message);
        });
    }
}
