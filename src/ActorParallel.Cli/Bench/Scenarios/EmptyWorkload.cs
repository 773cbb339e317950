using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// Tasks that do nothing (task i returns i), so that a farm's rate is what the farm itself costs per task.
/// The answer is the sum of the task ids, n(n-1)/2 for n tasks: right only when every task ran exactly once
/// and its result came back. Size is ignored; the number of tasks is <see cref="WorkloadParameters.Tasks"/>.
/// </summary>
public sealed class EmptyWorkload : Workload<int, int, long>
{
    public const string Id = "empty";

    public override string Name => Id;

    public override string Description => "empty tasks: what the farm itself costs per task";

    public override long DefaultSize => 1;

    public override int DefaultTasks => 1000;

    public override string SizeUnit => "ignored (the work is the number of tasks)";

    /// <summary>The parameters of a job of <paramref name="tasks"/> empty tasks.</summary>
    public static WorkloadParameters Parameters(int tasks) => new(1, tasks);

    /// <summary>The answer a job of <paramref name="tasks"/> empty tasks must produce.</summary>
    public static long Expected(int tasks) => (long)tasks * (tasks - 1) / 2;

    /// <summary>The task body every farm in the bench runs: nothing but returning its id.</summary>
    public static int Run(int task) => task;

    protected override IEnumerable<int> Split(WorkloadParameters parameters) => Enumerable.Range(0, parameters.Tasks);

    protected override int Execute(int task) => Run(task);

    protected override long Combine(WorkloadParameters parameters, IReadOnlyList<int> outputs)
    {
        var sum = 0L;
        for (var i = 0; i < outputs.Count; i++)
        {
            sum += outputs[i];
        }

        return sum;
    }

    protected override long Serial(WorkloadParameters parameters) => Expected(parameters.Tasks);
}
