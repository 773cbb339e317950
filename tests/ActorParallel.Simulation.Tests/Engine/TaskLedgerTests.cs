using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Engine;

public sealed class TaskLedgerTests
{
    private static WorkTask[] Tasks(int n) => [.. Enumerable.Range(0, n).Select(i => new WorkTask(i, i))];

    private static TaskResult Result(int id) => new(id, id * 10);

    [Fact]
    public void Push_deals_every_task_round_robin_up_front()
    {
        var ledger = new TaskLedger(Tasks(5), 2, DispatchMode.Push, prefetch: 0, maxRetries: 1);
        var start = ledger.Start();
        Assert.Equal([(0, 0), (1, 1), (2, 0), (3, 1), (4, 0)], start.Select(a => (a.Task.TaskId, a.WorkerId)));
        Assert.True(ledger.Complete(1, 0, Result(1), out var next));
        Assert.Empty(next);
    }

    [Fact]
    public void Pull_keeps_each_worker_within_its_window_and_refills_on_completion()
    {
        var ledger = new TaskLedger(Tasks(7), 2, DispatchMode.Pull, prefetch: 1, maxRetries: 1);
        var start = ledger.Start();
        Assert.Equal([(0, 0), (1, 0), (2, 1), (3, 1)], start.Select(a => (a.Task.TaskId, a.WorkerId)));
        Assert.True(ledger.Complete(1, 0, Result(2), out var next));
        Assert.Equal([(4, 1)], next.Select(a => (a.Task.TaskId, a.WorkerId)));
        foreach (var (w, id) in new[] { (0, 0), (0, 1), (1, 3), (1, 4) })
            ledger.Complete(w, 0, Result(id), out _);
        Assert.False(ledger.IsComplete);
        ledger.Complete(0, 0, Result(5), out _);
        ledger.Complete(1, 0, Result(6), out _);
        Assert.True(ledger.IsComplete);
        Assert.Equal(Enumerable.Range(0, 7), ledger.Results().Select(r => r.TaskId));
    }

    [Fact]
    public void A_failed_task_is_retried_first_and_a_duplicate_result_counts_once()
    {
        var ledger = new TaskLedger(Tasks(4), 2, DispatchMode.Pull, prefetch: 0, maxRetries: 2);
        ledger.Start(); // task 0 -> worker 0, task 1 -> worker 1
        var retry = ledger.Fail(0, 0, 0, "boom");
        Assert.Equal([new Assignment(0, 1, new WorkTask(0, 0))], retry);
        Assert.True(ledger.Complete(0, 1, Result(0), out _));
        Assert.False(ledger.Complete(0, 1, Result(0), out _));
        Assert.Equal(1, ledger.Completed);
        Assert.Equal(2, ledger.Attempts(0));
    }

    [Fact]
    public void Retries_are_bounded_and_the_error_names_the_task()
    {
        var ledger = new TaskLedger(Tasks(2), 1, DispatchMode.Push, prefetch: 0, maxRetries: 1);
        ledger.Start();
        Assert.Single(ledger.Fail(0, 1, 0, "boom"));
        Assert.Empty(ledger.Fail(0, 1, 1, "boom again"));
        Assert.Equal("task 1 failed 2 times (task-retries = 1); last error: boom again", ledger.FatalError);
    }

    [Fact]
    public void Stale_failures_and_unknown_tasks_are_ignored()
    {
        var ledger = new TaskLedger(Tasks(2), 2, DispatchMode.Pull, prefetch: 0, maxRetries: 3);
        ledger.Start();
        Assert.Empty(ledger.Fail(1, 0, 0, "not the holder"));
        Assert.Empty(ledger.Fail(0, 0, 5, "not the attempt"));
        Assert.Null(ledger.FatalError);
        Assert.Throws<InvalidOperationException>(() => ledger.Results());
    }
}
