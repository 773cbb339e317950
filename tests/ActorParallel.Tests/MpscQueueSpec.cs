using ActorParallel.Dispatch;

namespace ActorParallel.Tests;

/// <summary>The default mailbox queue on its own: order, growth across segments, reuse, and many producers against one consumer.</summary>
public sealed class MpscQueueSpec
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(1_024)]
    [InlineData(5_000)]
    public void Items_come_out_in_the_order_they_went_in_across_segments(int count)
    {
        var queue = new MpscQueue<int>();
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(i);
        }

        Assert.True(queue.HasItems);
        Assert.Equal(count, queue.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.True(queue.TryDequeue(out var item));
            Assert.Equal(i, item);
        }

        Assert.False(queue.TryDequeue(out _));
        Assert.False(queue.HasItems);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void Bursts_of_every_size_keep_order_through_wrap_around_freeze_and_reused_segments()
    {
        var queue = new MpscQueue<long>();
        long next = 0;
        long expected = 0;
        var random = new Random(4);
        for (var round = 0; round < 400; round++)
        {
            // Up to four full-size segments at once, so rings fill, freeze, drain and come back from the free list.
            var burst = random.Next(1, 4 * MpscQueue<long>.MaxSegmentLength);
            for (var i = 0; i < burst; i++)
            {
                queue.Enqueue(next++);
            }

            var take = round % 3 == 0 ? burst / 2 : int.MaxValue;
            for (var i = 0; i < take && queue.TryDequeue(out var item); i++)
            {
                Assert.Equal(expected++, item);
            }
        }

        while (queue.TryDequeue(out var item))
        {
            Assert.Equal(expected++, item);
        }

        Assert.Equal(next, expected);
    }

    [Fact]
    public void A_steady_flow_reuses_its_ring_and_allocates_nothing()
    {
        var queue = new MpscQueue<string>();
        for (var i = 0; i < 10_000; i++)
        {
            queue.Enqueue("warm");
            queue.TryDequeue(out _);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            queue.Enqueue("item");
            queue.Enqueue("item");
            Assert.True(queue.TryDequeue(out _));
            Assert.True(queue.TryDequeue(out _));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void A_backlog_that_comes_back_reuses_the_drained_segments()
    {
        var queue = new MpscQueue<string>();
        const int burst = 8 * MpscQueue<string>.MaxSegmentLength;
        for (var i = 0; i < burst; i++)
        {
            queue.Enqueue("x");
        }

        while (queue.TryDequeue(out _))
        {
        }

        var taken = new int[5];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < taken.Length; round++)
        {
            for (var i = 0; i < burst; i++)
            {
                queue.Enqueue("y");
            }

            while (queue.TryDequeue(out _))
            {
                taken[round]++;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.All(taken, n => Assert.Equal(burst, n));
    }

    [Fact]
    public void A_drained_burst_leaves_a_free_segment_so_the_next_growth_allocates_nothing()
    {
        var queue = new MpscQueue<string>();

        // Grow to full-size segments, then drain: the drained full-size segments go to the free list.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 3 * MpscQueue<string>.MaxSegmentLength; i++)
            {
                queue.Enqueue("x");
            }

            while (queue.TryDequeue(out _))
            {
            }
        }

        // One ring plus one more segment's worth: exactly one growth, served by the free list.
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2 * MpscQueue<string>.MaxSegmentLength; i++)
        {
            queue.Enqueue("y");
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2 * MpscQueue<string>.MaxSegmentLength, queue.Count);
    }

    [Fact]
    public void Released_items_are_not_kept_alive_by_the_queue()
    {
        var queue = new MpscQueue<object>();
        var weak = EnqueueAndTakeOne(queue);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.False(weak.IsAlive);
        GC.KeepAlive(queue);
    }

    private static WeakReference EnqueueAndTakeOne(MpscQueue<object> queue)
    {
        var item = new object();
        queue.Enqueue(item);
        Assert.True(queue.TryDequeue(out var taken));
        Assert.Same(item, taken);
        return new WeakReference(item);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2_000)]
    public async Task Concurrent_producers_lose_nothing_duplicate_nothing_and_keep_each_senders_order(int consumerNapEvery)
    {
        // With naps the consumer falls behind by many segments, so rings freeze, drain, go to the free
        // list and come back while producers that may still hold them keep claiming.
        const int producers = 4;
        const int perProducer = 200_000;
        var queue = new MpscQueue<(int Producer, int Sequence)>();
        using var start = new Barrier(producers + 1);
        var tasks = Enumerable.Range(0, producers).Select(p => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(Long);
            for (var i = 0; i < perProducer; i++)
            {
                queue.Enqueue((p, i));
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        var nextExpected = new int[producers];
        var received = 0;
        var deadline = DateTime.UtcNow + Long;
        start.SignalAndWait(Long);
        while (received < producers * perProducer)
        {
            if (queue.TryDequeue(out var item))
            {
                Assert.Equal(nextExpected[item.Producer], item.Sequence);
                nextExpected[item.Producer]++;
                received++;
                if (consumerNapEvery > 0 && received % consumerNapEvery == 0)
                {
                    Thread.Sleep(1);
                }
            }
            else
            {
                Assert.True(DateTime.UtcNow < deadline, $"only {received} of {producers * perProducer} items arrived");
                Thread.Yield();
            }
        }

        await Task.WhenAll(tasks).WaitAsync(Long);
        Assert.False(queue.TryDequeue(out _));
        Assert.All(nextExpected, n => Assert.Equal(perProducer, n));
    }

    [Fact]
    public void HasItems_is_true_as_soon_as_an_item_is_enqueued_from_another_thread()
    {
        var queue = new MpscQueue<int>();
        for (var round = 0; round < 2_000; round++)
        {
            var producer = Task.Run(() => queue.Enqueue(round));
            Assert.True(producer.Wait(Long));
            Assert.True(queue.HasItems);
            Assert.True(queue.TryDequeue(out var item));
            Assert.Equal(round, item);
            Assert.False(queue.HasItems);
        }
    }
}
