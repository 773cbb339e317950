using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;
using Xunit;

namespace ActorParallel.Testing;

/// <summary>
/// The lab's shared suite for one task-farm workload (a map-reduce <see cref="IShuffleWorkload"/> too), the one the
/// built-in workloads pass: split, execute and combine in a worker-like order (and through the shuffle's partitions
/// and reducers); TPL; the actor engine at W = 1..4, pulling and pushing, also when workers throw; a
/// different job gives a different answer; the tasks, outputs and answer travel between nodes. Every answer is
/// checked against the workload's serial reference. Derive a test class and give it the workload and small parameters
/// (a job of tens of milliseconds: the suite runs it about forty times):
/// <code>
/// public sealed class MyWorkloadTests() : FarmWorkloadSuite(new MyWorkload(), new WorkloadParameters(Size: 100_000, Tasks: 7));
/// </code>
/// </summary>
public abstract class FarmWorkloadSuite
{
    protected FarmWorkloadSuite(ITaskFarmWorkload workload, WorkloadParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(parameters);
        Workload = workload;
        Parameters = parameters;
    }

    protected ITaskFarmWorkload Workload { get; }

    /// <summary>Small parameters: the suite runs the job about forty times.</summary>
    protected WorkloadParameters Parameters { get; }

    /// <summary>A job whose answer differs from that of <see cref="Parameters"/>; by default twice the size and another seed.</summary>
    protected virtual WorkloadParameters DifferentParameters => Parameters with { Size = (Parameters.Size * 2) + 1, Seed = Parameters.Seed + 1 };

    /// <summary>Each job of the suite is bounded by this; a hung engine fails the test instead of the run.</summary>
    protected virtual TimeSpan JobTimeout => TimeSpan.FromMinutes(1);

    [Fact]
    public void Name_defaults_and_parameters_are_valid()
    {
        Assert.Matches("^[a-z0-9][a-z0-9-]*$", Workload.Name);
        Assert.False(string.IsNullOrWhiteSpace(Workload.Description), "give the workload a one-line description");
        Assert.Equal(WorkloadTopology.TaskFarm, Workload.Topology);
        Workload.Validate(Parameters);
        Workload.Validate(new WorkloadParameters(Workload.DefaultSize, Workload.DefaultTasks));
        Assert.True(WorkloadRegistry.Default.With(Workload).TryGet(Workload.Name, out _));
    }

    [Fact]
    public async Task Split_execute_combine_equals_serial_for_several_task_counts_and_one_to_four_workers()
    {
        foreach (var tasks in new[] { 1, 3, Parameters.Tasks })
        {
            var p = Parameters with { Tasks = tasks };
            var expected = Workload.RunSerial(p);
            var split = Workload.Split(p);
            Assert.Equal(Enumerable.Range(0, tasks), split.Select(t => t.TaskId));
            for (var workers = 1; workers <= 4; workers++)
            {
                // Worker w takes tasks w, w + W, ... and the results arrive worker by worker: out of order, as on actors.
                var results = new List<TaskResult>();
                for (var w = workers - 1; w >= 0; w--)
                {
                    for (var i = w; i < split.Count; i += workers)
                        results.Add(w % 2 == 0 ? Workload.Execute(split[i]) : await Workload.ExecuteAsync(split[i]));
                }

                var answer = Workload.Combine(p, [.. results.OrderBy(r => r.TaskId)]);
                AssertPasses(Workload.Check(expected, answer), $"split/execute/combine, tasks = {tasks}, W = {workers}");
                if (Workload is IShuffleWorkload shuffle)
                    AssertPasses(Workload.Check(expected, Shuffle(shuffle, p, results)), $"split/execute/partition/reduce, tasks = {tasks}, W = {workers}");
            }
        }
    }

    [Fact]
    public void Tpl_equals_serial_for_one_to_four_workers()
    {
        var expected = Workload.RunSerial(Parameters);
        for (var workers = 1; workers <= 4; workers++)
            AssertPasses(Workload.Check(expected, Workload.RunTpl(Parameters, workers)), $"TPL, W = {workers}");
    }

    [Theory]
    [InlineData(DispatchMode.Pull)]
    [InlineData(DispatchMode.Push)]
    public async Task Actors_give_the_serial_answer_for_one_to_four_workers(DispatchMode mode)
    {
        var runner = Runner();
        for (var workers = 1; workers <= 4; workers++)
        {
            var report = await runner.RunAsync(new JobRequest(Workload.Name, Parameters, workers, mode) { MeasureTpl = false, Timeout = JobTimeout });
            Assert.True(report.Correct, $"{Workload.Name}: actors, W = {workers}, {mode}: {report.Check}");
            Assert.Equal(Parameters.Tasks, report.Metrics!.TasksCompleted);
        }
    }

    [Theory]
    [InlineData(DispatchMode.Pull)]
    [InlineData(DispatchMode.Push)]
    public async Task Workers_that_throw_are_retried_and_each_result_counts_once_for_one_to_four_workers(DispatchMode mode)
    {
        var runner = Runner();
        var failing = Enumerable.Range(0, Parameters.Tasks).Count(t => t % 2 == 0);
        for (var workers = 1; workers <= 4; workers++)
        {
            // Every even task throws twice; one task a message, so each dispatch is counted exactly.
            var request = new JobRequest(Workload.Name, Parameters, workers, mode)
            {
                MeasureTpl = false, Faults = new FaultInjection(EveryNthTask: 2, FailuresPerTask: 2), TaskRetries = 2,
                Batching = BatchPolicy.None, Timeout = JobTimeout,
            };
            var report = await runner.RunAsync(request);
            Assert.True(report.Correct, $"{Workload.Name}: actors with faults, W = {workers}, {mode}: {report.Check}");
            Assert.Equal(Parameters.Tasks, report.Metrics!.TasksCompleted);
            Assert.Equal(2 * failing, report.Metrics.TasksFailed);
            Assert.Equal(Parameters.Tasks + (2 * failing), report.Metrics.Dispatches);
        }
    }

    [Fact]
    public void Check_detects_a_different_answer()
    {
        var answer = Workload.RunSerial(Parameters);
        var other = Workload.RunSerial(DifferentParameters);
        Assert.False(Workload.Check(answer, other).Passed, $"{Workload.Name}: Check passes {Workload.Describe(other)} against {Workload.Describe(answer)}; override DifferentParameters if these two jobs have the same answer");
        Assert.True(Workload.Check(answer, Workload.RunSerial(Parameters)).Passed, $"{Workload.Name}: the serial reference gives two different answers for one job");
        Assert.NotEmpty(Workload.Describe(answer));
    }

    [Fact]
    public void Tasks_outputs_and_answer_travel_between_nodes_and_still_combine_to_the_serial_answer()
    {
        using var wire = new WireCheck(Workload);
        var tasks = Workload.Split(Parameters).ToArray();
        var batch = wire.RoundTrip(new TaskBatch(3, 1, tasks, [.. tasks.Select(_ => 0)]));

        // A worker node runs what arrived; the driver combines what comes back.
        var results = batch.Tasks.Select(Workload.Execute).ToArray();
        var done = wire.RoundTrip(new BatchDone(1, 3, results, [.. results.Select(_ => TimeSpan.FromMilliseconds(1))]));
        var answer = Workload.Combine(Parameters, done.Results);
        var expected = Workload.RunSerial(Parameters);
        AssertPasses(Workload.Check(expected, answer), "tasks and outputs through the lab serializer");
        AssertPasses(Workload.Check(expected, wire.RoundTrip(new TaskResult(0, answer)).Output), "the answer through the lab serializer");
        if (Workload is IShuffleWorkload shuffle)
        {
            // The shuffle's parts travel from the workers to the reducers, the reduced partitions to the driver.
            var reducers = shuffle.Reducers(Parameters);
            var parts = done.Results.Select(r => shuffle.Partition(r.Output, reducers)
                .Select((part, i) => wire.RoundTrip(new ShufflePart(r.TaskId, i, part)).Part).ToArray()).ToArray();
            var reduced = Enumerable.Range(0, reducers)
                .Select(i => wire.RoundTrip(new Reduced(i, shuffle.Reduce([.. parts.Select(p => p[i])]), parts.Length, 0)).Output).ToArray();
            AssertPasses(Workload.Check(expected, shuffle.CombineReduced(Parameters, reduced)), "the shuffle's parts through the lab serializer");
        }
    }

    /// <summary>What the shuffle does: each map output cut into the reducers' partitions, each partition reduced, the reduced ones combined.</summary>
    private static object Shuffle(IShuffleWorkload shuffle, WorkloadParameters p, IEnumerable<TaskResult> results)
    {
        var reducers = shuffle.Reducers(p);
        var parts = results.OrderBy(r => r.TaskId).Select(r => shuffle.Partition(r.Output, reducers)).ToArray();
        Assert.All(parts, part => Assert.Equal(reducers, part.Count));
        var reduced = Enumerable.Range(0, reducers).Select(i => shuffle.Reduce([.. parts.Select(part => part[i])])).ToArray();
        return shuffle.CombineReduced(p, reduced);
    }

    /// <summary>A runner on the actor engine that knows the built-in workloads and this one.</summary>
    private JobRunner Runner() => new(WorkloadRegistry.Default.With(Workload), new ActorEngine());

    private void AssertPasses(CheckResult check, string what) => Assert.True(check.Passed, $"{Workload.Name}: {what}: {check.Detail}");
}
