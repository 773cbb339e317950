using ActorParallel.Actor;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorParallel.Tests;

public sealed class TestKitSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void ExpectMsg_fails_on_timeout_and_on_the_wrong_message()
    {
        Assert.Throws<XunitException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(50)));
        TestActor.Tell(1);
        Assert.Throws<XunitException>(() => ExpectMsg<string>());
    }

    [Fact]
    public void Probes_send_reply_and_forward()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf<EchoActor>();
        probe.Send(echo, "ping");
        probe.ExpectMsg("ping");
        Assert.Equal(echo, probe.Sender);
        TestActor.Tell("to-me", probe.Ref);
        ExpectMsg("to-me");
        LastSender.Tell("back", TestActor);
        probe.ExpectMsg("back");
        probe.Reply("reply");
        ExpectMsg("reply");
    }

    [Fact]
    public async Task Async_twins_and_within()
    {
        var echo = Sys.ActorOf<EchoActor>();
        await WithinAsync(TimeSpan.FromSeconds(5), async () =>
        {
            echo.Tell("a");
            Assert.Equal("a", await ExpectMsgAsync<string>());
            Assert.True(Remaining <= TimeSpan.FromSeconds(5));
        });
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Watch(echo);
        Sys.Stop(echo);
        await ExpectTerminatedAsync(echo);
    }

    [Fact]
    public async Task AwaitAssert_and_AwaitCondition_retry_until_true()
    {
        var count = 0;
        AwaitCondition(() => ++count >= 3, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(1));
        await AwaitAssertAsync(() => Assert.True(++count >= 6), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(1));
        Assert.Throws<XunitException>(() => AwaitCondition(() => false, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void Dilated_scales_by_the_time_factor()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), Dilated(TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(3), TestKitSettings.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromSeconds(5), TestKitSettings.DefaultTimeout);
        Assert.Equal(1.0, TestKitSettings.TestTimeFactor);
    }
}
