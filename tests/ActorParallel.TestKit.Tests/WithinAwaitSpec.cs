using ActorParallel.Actor;
using Xunit.Sdk;

namespace ActorParallel.TestKit.Tests;

public sealed class WithinAwaitSpec : Xunit2.TestKit
{
    [Fact]
    public async Task Within_caps_the_expectations_inside_it()
    {
        TestActor.Tell("x");
        var result = Within(TimeSpan.FromSeconds(5), () =>
        {
            Assert.True(Remaining <= TimeSpan.FromSeconds(5));
            return ExpectMsg<string>();
        });
        Assert.Equal("x", result);

        TestActor.Tell("y");
        await WithinAsync(TimeSpan.FromSeconds(5), async () => Assert.Equal("y", await ExpectMsgAsync<string>()));
        Assert.Throws<InvalidOperationException>(() => Remaining);
    }

    [Fact]
    public async Task Within_fails_when_the_block_finishes_too_early()
    {
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() =>
            WithinAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), () => Task.CompletedTask, "too quick"));
        Assert.Contains("at least", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_inside_Within_times_out_at_the_block_end()
    {
        var failure = Assert.ThrowsAny<XunitException>(() =>
            Within(TimeSpan.FromMilliseconds(200), () => ExpectMsg<string>(TimeSpan.FromSeconds(30))));
        Assert.Contains("Timeout", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitAssert_retries_until_the_assertion_passes()
    {
        var attempts = 0;
        AwaitAssert(() => Assert.True(++attempts >= 3), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
        Assert.True(attempts >= 3);

        var asyncAttempts = 0;
        await AwaitAssertAsync(() => Assert.True(++asyncAttempts >= 2), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
        await AwaitAssertAsync(async () =>
        {
            await Task.Yield();
            Assert.True(asyncAttempts >= 2);
        });
    }

    [Fact]
    public async Task AwaitAssert_rethrows_the_last_failure()
    {
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() =>
            AwaitAssertAsync(() => Assert.Fail("never true"), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(20)));
        Assert.Contains("never true", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwaitAssert_without_a_duration_is_bounded_by_Within()
    {
        var failure = Assert.ThrowsAny<XunitException>(() =>
            Within(TimeSpan.FromMilliseconds(300), () => AwaitAssert(() => Assert.Fail("still failing"))));
        Assert.Contains("still failing", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitCondition_polls_and_fails_with_the_message()
    {
        var counter = 0;
        AwaitCondition(() => ++counter >= 3, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
        await AwaitConditionAsync(() => counter >= 3);
        Assert.True(AwaitConditionNoThrow(() => true, TimeSpan.FromSeconds(1)));
        Assert.False(AwaitConditionNoThrow(() => false, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(10)));

        var failure = Assert.ThrowsAny<XunitException>(() =>
            AwaitCondition(() => false, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(20), "the flag"));
        Assert.Contains("the flag", failure.Message, StringComparison.Ordinal);
    }
}
