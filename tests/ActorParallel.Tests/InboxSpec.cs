using ActorParallel.Actor;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public sealed class InboxSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output: output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    public void ReceiveWhere_takes_the_first_match_and_leaves_the_rest_in_order()
    {
        using var inbox = Inbox.Create(Sys);
        var echo = Sys.ActorOf<EchoActor>();
        inbox.Send(echo, "a");
        inbox.Send(echo, 1);
        inbox.Send(echo, "b");
        inbox.Send(echo, 2);

        Assert.Equal(2, inbox.ReceiveWhere(m => m is 2, Generous));
        Assert.Equal(1, inbox.ReceiveWhere(m => m is int, Generous));
        Assert.Equal("a", inbox.Receive(Generous));
        Assert.Equal("b", inbox.Receive(Generous));
    }

    [Fact]
    public async Task ReceiveWhere_waits_for_a_later_match_and_times_out_without_one()
    {
        using var inbox = Inbox.Create(Sys);
        var echo = Sys.ActorOf<EchoActor>();
        inbox.Send(echo, "not it");
        var waiting = Task.Run(() => inbox.ReceiveWhere(m => m is "it", Generous));
        inbox.Send(echo, "it");
        Assert.Equal("it", await waiting.WaitAsync(Generous));

        Assert.Throws<TimeoutException>(() => inbox.ReceiveWhere(m => m is "never", TimeSpan.FromMilliseconds(200)));
        Assert.Equal("not it", await inbox.ReceiveAsync().WaitAsync(Generous));
    }
}
