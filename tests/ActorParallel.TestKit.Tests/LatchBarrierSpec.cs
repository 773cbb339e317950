namespace ActorParallel.TestKit.Tests;

public sealed class LatchBarrierSpec : Xunit2.TestKit
{
    [Fact]
    public async Task TestLatch_opens_after_count_downs()
    {
        var latch = CreateTestLatch(2);
        Assert.False(latch.IsOpen);
        latch.CountDown();
        Assert.Equal(1, latch.Count);
        _ = Task.Run(latch.CountDown);
        await latch.ReadyAsync(TimeSpan.FromSeconds(5));
        latch.Ready();
        Assert.True(latch.IsOpen);
        latch.Reset();
        Assert.False(latch.IsOpen);
        latch.Open();
        latch.Ready(TimeSpan.Zero);
    }

    [Fact]
    public void TestLatch_Ready_times_out_saying_how_many_counts_are_left()
    {
        var latch = CreateTestLatch(3);
        latch.CountDown();
        var failure = Assert.Throws<TimeoutException>(() => latch.Ready(TimeSpan.FromMilliseconds(50)));
        Assert.Contains("2 of 3", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestBarrier_releases_all_parties_together()
    {
        var barrier = CreateTestBarrier(2);
        var other = Task.Run(() => barrier.Await());
        barrier.Await();
        await other.WaitAsync(TimeSpan.FromSeconds(10));
        barrier.Reset();
        Assert.Throws<TimeoutException>(() => barrier.Await(TimeSpan.FromMilliseconds(50)));
    }
}
