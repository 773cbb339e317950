using ActorParallel.Actor;
using ActorParallel.Routing;
using Xunit.Abstractions;

namespace ActorParallel.Tests.Routing;

/// <summary>Scatter-gather-first-completed and tail-chopping: both forward the first answer or time out.</summary>
public sealed class AskRoutersSpec(ITestOutputHelper output) : RoutingTestKit("", output)
{
    private void SilentAndReplying()
    {
        Sys.ActorOf(Props.Create<SilentActor>(), "s1");
        Sys.ActorOf(Props.Create<SilentActor>(), "s2");
        Sys.ActorOf(Props.Create<ReplyActor>(), "r1");
    }

    [Fact]
    public void ScatterGatherGroup_forwards_the_only_reply()
    {
        SilentAndReplying();
        var router = Sys.ActorOf(new ScatterGatherFirstCompletedGroup(Long, "/user/s1", "/user/s2", "/user/r1").Props());
        router.Tell("question", TestActor);
        Assert.Equal(("reply", "r1"), ExpectMsg<(string, string)>(Long));
    }

    [Fact]
    public void ScatterGatherPool_forwards_exactly_one_reply()
    {
        var router = Sys.ActorOf(new ScatterGatherFirstCompletedPool(3, Long).Props(Props.Create<ReplyActor>()));
        router.Tell("question", TestActor);
        ExpectMsg<(string, string)>(Long);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void ScatterGather_without_any_reply_fails_with_AskTimeoutException()
    {
        var router = Sys.ActorOf(new ScatterGatherFirstCompletedPool(2, TimeSpan.FromMilliseconds(200)).Props(Props.Create<SilentActor>()));
        router.Tell("question", TestActor);
        Assert.IsType<AskTimeoutException>(ExpectMsg<Status.Failure>(Long).Cause);
    }

    [Fact]
    public void TailChoppingGroup_reaches_the_replying_routee_eventually()
    {
        SilentAndReplying();
        var router = Sys.ActorOf(new TailChoppingGroup(["/user/s1", "/user/s2", "/user/r1"], Long, TimeSpan.FromMilliseconds(20)).Props());
        router.Tell("question", TestActor);
        Assert.Equal(("reply", "r1"), ExpectMsg<(string, string)>(Long));
    }

    [Fact]
    public void TailChoppingPool_forwards_exactly_one_reply()
    {
        var router = Sys.ActorOf(new TailChoppingPool(3, Long, TimeSpan.FromMilliseconds(10)).Props(Props.Create<ReplyActor>()));
        router.Tell("question", TestActor);
        ExpectMsg<(string, string)>(Long);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void TailChopping_without_any_reply_fails_with_AskTimeoutException()
    {
        var router = Sys.ActorOf(new TailChoppingPool(2, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(20)).Props(Props.Create<SilentActor>()));
        router.Tell("question", TestActor);
        Assert.IsType<AskTimeoutException>(ExpectMsg<Status.Failure>(Long).Cause);
    }
}
