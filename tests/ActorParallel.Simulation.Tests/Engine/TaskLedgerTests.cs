using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Engine;

/// <summary>The ledger as a state machine: events in (with the time), batches out; no actors.</summary>
public sealed class TaskLedgerTests
{
    private static readonly TimeSpan T0 = TimeSpan.Zero;

    private static WorkTask[] Tasks(int n) => [.. Enumerable.Range(0, n).Select(i => new WorkTask(i, i))];

    private static TaskLedger Ledger(int tasks, int workers, DispatchMode mode, int prefetch = 0, int maxRetries = 1, BatchPolicy? batching = null) =>
        new(Tasks(tasks), workers, mode, prefetch, maxRetries, batching ?? BatchPolicy.None);

    /// <summary>The batch done, every task taking <paramref name="each"/> of worker time.</summary>
    private static BatchDone Done(TaskBatch b, TimeSpan each = default) =>
        new(b.WorkerId, b.BatchId, [.. b.Tasks.Select(t => new TaskResult(t.TaskId, t.TaskId * 10))], [.. b.Tasks.Select(_ => each)]);

    private static IEnumerable<(int Task, int Worker)> Pairs(IEnumerable<TaskBatch> batches) =>
        batches.SelectMany(b => b.Tasks.Select(t => (t.TaskId, b.WorkerId)));

    [Fact]
    public void Push_deals_every_task_round_robin_up_front()
    {
        var ledger = Ledger(5, 2, DispatchMode.Push);
        var start = ledger.Start(T0).ToList();
        Assert.Equal([(0, 0), (2, 0), (4, 0), (1, 1), (3, 1)], Pairs(start));
        Assert.Empty(ledger.Complete(Done(start[3]), T0));
        Assert.Equal(1, ledger.Completed);
    }

    [Fact]
    public void Pull_keeps_each_worker_within_its_window_and_refills_on_completion()
    {
        var ledger = Ledger(9, 2, DispatchMode.Pull, prefetch: 1);
        var start = ledger.Start(T0).ToList();
        Assert.Equal([(0, 0), (1, 1), (2, 0), (3, 1)], Pairs(start));
        var next = ledger.Complete(Done(start[1]), T0).ToList();
        Assert.Equal([(4, 1)], Pairs(next)); // 5 tasks wait: a full window again
        ledger.Complete(Done(start[0]), T0); // w0 gets 5: 4 wait now, the tail, where a worker holds one batch at most
        Assert.Empty(ledger.Complete(Done(start[3]), T0)); // w1 still holds 4
        Assert.Equal([(6, 1)], Pairs(ledger.Complete(Done(next[0]), T0)));
        Assert.False(ledger.IsComplete);
        Assert.Equal(7, ledger.Batches);
        Assert.Equal(4, ledger.Completed);
    }

    [Fact]
    public void At_the_tail_no_worker_holds_a_prefetched_task_while_another_is_idle()
    {
        var ledger = Ledger(3, 2, DispatchMode.Pull, prefetch: 1);
        var start = ledger.Start(T0).ToList();
        Assert.Equal([(0, 0), (1, 1)], Pairs(start)); // 3 tasks, windows of 2 for 2 workers: no prefetch
        Assert.Equal([(2, 1)], Pairs(ledger.Complete(Done(start[1]), T0))); // the first idle worker takes the last task
    }

    [Fact]
    public void With_fewer_tasks_than_windows_every_worker_gets_one_before_any_gets_a_prefetch()
    {
        var ledger = Ledger(2, 2, DispatchMode.Pull, prefetch: 2);
        Assert.Equal([(0, 0), (1, 1)], Pairs(ledger.Start(T0)));
    }

    [Fact]
    public void Small_tasks_travel_several_to_a_batch_once_their_cost_is_measured_and_big_ones_alone()
    {
        var policy = new BatchPolicy(TimeSpan.FromMilliseconds(1), MaxBatch: 1000);
        var small = Ledger(10_000, 2, DispatchMode.Pull, batching: policy);
        var first = small.Start(T0).ToList();
        Assert.All(first, b => Assert.Equal(1, b.Count)); // nothing measured yet
        var next = small.Complete(Done(first[0], TimeSpan.FromMicroseconds(10)), T0);
        Assert.Equal(100, Assert.Single(next).Count); // 1 ms of 10 us tasks

        var big = Ledger(100, 2, DispatchMode.Pull, batching: policy);
        var b0 = big.Start(T0)[0];
        Assert.Equal(1, Assert.Single(big.Complete(Done(b0, TimeSpan.FromMilliseconds(5)), T0)).Count);
    }

    [Fact]
    public void Batches_shrink_toward_the_end_so_the_last_tasks_are_shared()
    {
        var ledger = Ledger(40, 2, DispatchMode.Pull, batching: new BatchPolicy(TimeSpan.FromSeconds(1), 1000));
        var start = ledger.Start(T0).ToList();
        var sizes = new List<int>();
        var pending = new Queue<TaskBatch>(start);
        while (pending.TryDequeue(out var b))
        {
            foreach (var n in ledger.Complete(Done(b, TimeSpan.FromMicroseconds(1)), T0))
            {
                sizes.Add(n.Count);
                pending.Enqueue(n);
            }
        }

        Assert.True(ledger.IsComplete);
        Assert.True(sizes.Max() <= 10, string.Join(",", sizes)); // never more than a quarter of what waits (W = 2)
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i * 10), ledger.Results().Select(r => (int)r.Output));
    }

    [Fact]
    public void Push_with_many_tasks_deals_a_bounded_number_of_batches_per_worker()
    {
        var ledger = Ledger(10_000, 2, DispatchMode.Push, batching: BatchPolicy.Default);
        var start = ledger.Start(T0);
        Assert.Equal(2 * BatchPolicy.PushBatchesPerWorker, start.Count);
        Assert.Equal(10_000, start.Sum(b => b.Count));
        Assert.All(start, b => Assert.All(b.Tasks, t => Assert.Equal(b.WorkerId, t.TaskId % 2)));
    }

    [Fact]
    public void A_failed_task_is_retried_first_its_batch_rest_requeued_and_a_duplicate_result_counts_once()
    {
        var ledger = Ledger(6, 1, DispatchMode.Pull, maxRetries: 2, batching: new BatchPolicy(TimeSpan.FromSeconds(1), 1000));
        var b0 = Assert.Single(ledger.Start(T0));
        var b1 = Assert.Single(ledger.Complete(Done(b0, TimeSpan.FromMicroseconds(1)), T0)); // tasks 1..
        Assert.True(b1.Count > 2);

        // Task b1[1] threw: b1[0] finished, the rest never ran.
        var retry = Assert.Single(ledger.Fail(new BatchFailed(0, b1.BatchId, 1, [new TaskResult(b1.Tasks[0].TaskId, 0)], [TimeSpan.Zero], "boom"), T0));
        Assert.Equal(b1.Tasks[1].TaskId, retry.Tasks[0].TaskId);
        Assert.Equal(1, retry.Attempts[0]);
        Assert.Equal(b1.Tasks.Skip(1).Select(t => t.TaskId).Order(), retry.Tasks.Select(t => t.TaskId).Order());
        Assert.All(retry.Attempts.Skip(1), a => Assert.Equal(0, a));
        Assert.Equal(1, ledger.Failures(b1.Tasks[1].TaskId));

        var before = ledger.Completed;
        ledger.Complete(Done(retry), T0);
        ledger.Complete(Done(retry), T0); // the same batch again: nothing counted twice
        Assert.Equal(before + retry.Count, ledger.Completed);
    }

    [Fact]
    public void Retries_are_bounded_and_the_error_names_the_task()
    {
        var ledger = Ledger(2, 1, DispatchMode.Push, maxRetries: 1);
        var start = ledger.Start(T0);
        var second = start[1];
        var retry = Assert.Single(ledger.Fail(new BatchFailed(0, second.BatchId, 0, [], [], "boom"), T0));
        Assert.Empty(ledger.Fail(new BatchFailed(0, retry.BatchId, 0, [], [], "boom again"), T0));
        Assert.Equal("task 1 failed 2 times (task-retries = 1); last error: boom again", ledger.FatalError);
    }

    [Fact]
    public void Stale_failures_and_unknown_batches_are_ignored()
    {
        var ledger = Ledger(2, 2, DispatchMode.Pull, maxRetries: 3);
        var start = ledger.Start(T0);
        Assert.Empty(ledger.Fail(new BatchFailed(1, start[0].BatchId, 0, [], [], "not the holder"), T0));
        Assert.Empty(ledger.Fail(new BatchFailed(0, 99, 0, [], [], "no such batch"), T0));
        Assert.Null(ledger.FatalError);
        Assert.Equal(0, ledger.Failures(0));
        Assert.Throws<InvalidOperationException>(() => ledger.Results());
    }

    [Fact]
    public void The_time_passed_in_is_when_a_batch_was_sent()
    {
        var ledger = Ledger(3, 1, DispatchMode.Pull);
        var b0 = Assert.Single(ledger.Start(TimeSpan.FromSeconds(1)));
        var b1 = Assert.Single(ledger.Complete(Done(b0), TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(1), ledger.SentAt(b0.BatchId));
        Assert.Equal(TimeSpan.FromSeconds(2), ledger.SentAt(b1.BatchId));
    }

    [Fact]
    public void A_hundred_thousand_tasks_one_at_a_time_take_linear_work()
    {
        // O(1) per event: the old ledger removed each result from a linked list (O(n) per task).
        var ledger = Ledger(100_000, 2, DispatchMode.Pull, prefetch: 1);
        var pending = new Queue<TaskBatch>(ledger.Start(T0));
        while (pending.TryDequeue(out var b))
        {
            foreach (var n in ledger.Complete(Done(b), T0))
                pending.Enqueue(n);
        }

        Assert.True(ledger.IsComplete);
        Assert.Equal(100_000, ledger.Batches);
    }

    [Fact]
    public void A_lost_worker_s_batches_go_to_the_others_and_its_late_results_count_once()
    {
        var ledger = Ledger(8, 2, DispatchMode.Pull, prefetch: 1);
        var start = ledger.Start(T0).ToList(); // w0: 0, 2; w1: 1, 3
        var moved = ledger.WorkerLost(1, T0);
        Assert.Empty(moved); // w0's window is full: the re-issued tasks wait at the front
        Assert.Equal(2, ledger.Reissued);
        var next = ledger.Complete(Done(start[0]), T0).ToList();
        Assert.Equal([(1, 0)], Pairs(next)); // a re-issued task first

        // The lost worker was only slow: its result arrives and counts; the re-issued copy is then a duplicate.
        ledger.Complete(Done(start[1]), T0);
        Assert.Equal(2, ledger.Completed);
        ledger.Complete(Done(next[0]), T0);
        Assert.Equal(2, ledger.Completed);
        Assert.Equal(1, ledger.Duplicates);
        Assert.True(ledger.HasLiveWorkers);
        Assert.Empty(ledger.WorkerLost(1, T0)); // lost once
    }

    [Fact]
    public void Every_task_completes_once_whichever_workers_are_lost_or_join_and_in_either_mode()
    {
        foreach (var (mode, speculation) in new[] { (DispatchMode.Pull, (SpeculationPolicy?)null), (DispatchMode.Push, null), (DispatchMode.Pull, new SpeculationPolicy(Ms(3))) })
        {
            var random = new Random(7);
            var ledger = new TaskLedger(Tasks(500), 3, mode, 1, 1, new BatchPolicy(TimeSpan.FromMilliseconds(1), 16), speculation);
            var inFlight = new List<TaskBatch>(ledger.Start(T0));
            var lost = new HashSet<int>();
            var steps = 0;
            while (!ledger.IsComplete && steps++ < 100_000)
            {
                if (speculation is not null && random.Next(10) == 0)
                {
                    inFlight.AddRange(ledger.Tick(Ms(steps)));
                    continue;
                }

                if (random.Next(50) == 0 && lost.Count < ledger.Workers - 1)
                {
                    var victim = Enumerable.Range(0, ledger.Workers).Where(w => !lost.Contains(w)).First();
                    lost.Add(victim);
                    inFlight.AddRange(ledger.WorkerLost(victim, Ms(steps)));
                    continue;
                }

                if (random.Next(80) == 0)
                {
                    inFlight.AddRange(ledger.AddWorker(Ms(steps), out _));
                    continue;
                }

                Assert.NotEmpty(inFlight);
                var i = random.Next(inFlight.Count);
                var batch = inFlight[i];
                inFlight.RemoveAt(i);
                // A lost worker's batch may still come back (it was slow, not dead) or never.
                if (lost.Contains(batch.WorkerId) && random.Next(2) == 0)
                    continue;
                inFlight.AddRange(ledger.Complete(Done(batch, TimeSpan.FromMicroseconds(50)), Ms(steps)));
            }

            Assert.True(ledger.IsComplete, $"{mode}, speculation {speculation}: {ledger.Completed} of 500 after {steps} steps");
            if (speculation is null)
                Assert.Equal(0, ledger.Speculated);
            Assert.Equal(Enumerable.Range(0, 500).Select(i => i * 10), ledger.Results().Select(r => (int)r.Output));
        }
    }

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    private static TaskLedger Speculating(int tasks, int workers) =>
        new(Tasks(tasks), workers, DispatchMode.Pull, 0, 1, BatchPolicy.None, new SpeculationPolicy(Ms(300)));

    [Fact]
    public void At_the_tail_an_idle_worker_gets_a_copy_of_what_a_silent_worker_holds_and_the_first_result_counts()
    {
        var ledger = Speculating(3, 2);
        var start = ledger.Start(T0).ToList(); // w0: 0, w1: 1
        var next = ledger.Complete(Done(start[0], Ms(10)), Ms(10)).ToList();
        Assert.Equal([(2, 0)], Pairs(next));
        Assert.Empty(ledger.Complete(Done(next[0], Ms(10)), Ms(20))); // w0 idle, nothing waits; w1 silent 20 ms: fine
        Assert.Empty(ledger.Tick(Ms(250)));                          // 250 ms: under the policy's 300 ms

        var copy = ledger.Tick(Ms(320)).ToList();                    // 320 ms silent: w0 gets a copy of task 1
        Assert.Equal([(1, 0)], Pairs(copy));
        Assert.Equal(1, ledger.Speculated);
        Assert.Empty(ledger.Tick(Ms(700)));                          // one copy per task, not one per tick

        ledger.Complete(Done(copy[0], Ms(10)), Ms(710));
        Assert.True(ledger.IsComplete);
        ledger.Complete(Done(start[1], Ms(10)), Ms(900));            // the slow worker's result comes late: dropped
        Assert.Equal(1, ledger.Duplicates);
        Assert.Equal([0, 10, 20], ledger.Results().Select(r => (int)r.Output));
    }

    [Fact]
    public void A_worker_on_long_tasks_is_not_silent()
    {
        var ledger = Speculating(4, 2);
        var start = ledger.Start(T0).ToList(); // w0: 0, w1: 1; 2 and 3 wait
        var next = ledger.Complete(Done(start[0], Ms(400)), Ms(400)).ToList();
        Assert.Equal([(2, 0)], Pairs(next));
        var last = ledger.Complete(Done(next[0], Ms(400)), Ms(800)).ToList();
        Assert.Equal([(3, 0)], Pairs(last));
        Assert.Empty(ledger.Complete(Done(last[0], Ms(400)), Ms(1200)));

        // w1 was silent for 1.2 s but holds one task of 400 ms: 4x that is 1.6 s, so it is given until then.
        Assert.Empty(ledger.Tick(Ms(1500)));
        Assert.Equal([(1, 0)], Pairs(ledger.Tick(Ms(1700))));
    }

    [Fact]
    public void Mid_job_a_silent_workers_tasks_go_to_the_front_of_the_queue_once()
    {
        var ledger = Speculating(6, 2);
        var start = ledger.Start(T0).ToList(); // w0: 0, w1: 1
        var second = ledger.Complete(Done(start[0], Ms(10)), Ms(10)).Single();
        var third = ledger.Complete(Done(second, Ms(10)), Ms(320)).Single();
        Assert.Equal([(3, 0)], Pairs([third]));

        Assert.Empty(ledger.Tick(Ms(330)));    // w1 silent for 330 ms: task 1 is queued again, but nobody is idle to take it now
        Assert.Equal(1, ledger.Speculated);
        Assert.Equal([(1, 0)], Pairs(ledger.Complete(Done(third, Ms(10)), Ms(340)))); // ahead of the fresh task 4
        Assert.Empty(ledger.Tick(Ms(900)));    // copied once

        // w1 is found unreachable: task 1's copy is out already, so nothing is re-issued a third time.
        Assert.Empty(ledger.WorkerLost(1, Ms(3000)));
        Assert.Equal(0, ledger.Reissued);
    }

    [Fact]
    public void A_lost_worker_whose_tasks_have_a_copy_out_is_not_reissued_a_third_time()
    {
        var ledger = Speculating(3, 3);
        var start = ledger.Start(T0).ToList(); // w0: 0, w1: 1, w2: 2
        ledger.Complete(Done(start[0], Ms(10)), Ms(10));
        ledger.Complete(Done(start[2], Ms(10)), Ms(10));
        var copy = ledger.Tick(Ms(400)).ToList();
        Assert.Single(copy);                    // one idle worker copies task 1; the other stays idle
        Assert.Equal(1, copy[0].Tasks[0].TaskId);
        Assert.Empty(ledger.WorkerLost(1, Ms(3000))); // w1 found unreachable later: the copy is already out
        Assert.Equal(0, ledger.Reissued);
        ledger.Complete(Done(copy[0], Ms(10)), Ms(3010));
        Assert.True(ledger.IsComplete);
    }

    [Fact]
    public void Without_a_policy_nothing_is_ever_copied()
    {
        var ledger = Ledger(2, 2, DispatchMode.Pull);
        var start = ledger.Start(T0).ToList();
        ledger.Complete(Done(start[0], Ms(1)), Ms(1));
        Assert.Empty(ledger.Tick(TimeSpan.FromMinutes(10)));
        Assert.Equal(0, ledger.Speculated);
    }
}
