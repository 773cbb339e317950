using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Engine.Actors;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Workloads;
using Xunit;

namespace ActorParallel.Testing;

/// <summary>
/// The lab's shared suite for one peer workload (its own topology, like heat), the one heat passes: the peers driven
/// one message at a time, for several peer counts; TPL at W = 1..4; the actor engine at W = 1..4, also when peers
/// throw and resume from their checkpoints; a different job gives a different answer; its messages and answer travel
/// between nodes. Every answer is checked against the workload's serial reference. Derive a test class:
/// <code>
/// public sealed class MyWorkloadTests() : PeerWorkloadSuite(new MyWorkload(), new WorkloadParameters(Size: 1_000, Tasks: 4).With("steps", "12"));
/// </code>
/// </summary>
public abstract class PeerWorkloadSuite
{
    protected PeerWorkloadSuite(IPeerWorkload workload, WorkloadParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(parameters);
        Workload = workload;
        Parameters = parameters;
    }

    protected IPeerWorkload Workload { get; }

    /// <summary>Small parameters: the suite runs the job about twenty times.</summary>
    protected WorkloadParameters Parameters { get; }

    /// <summary>A job whose answer differs from that of <see cref="Parameters"/>; by default twice the size and another seed.</summary>
    protected virtual WorkloadParameters DifferentParameters => Parameters with { Size = (Parameters.Size * 2) + 1, Seed = Parameters.Seed + 1 };

    protected virtual TimeSpan JobTimeout => TimeSpan.FromMinutes(1);

    [Fact]
    public void Name_defaults_and_parameters_are_valid()
    {
        Assert.Matches("^[a-z0-9][a-z0-9-]*$", Workload.Name);
        Assert.False(string.IsNullOrWhiteSpace(Workload.Description), "give the workload a one-line description");
        Assert.Equal(WorkloadTopology.Custom, Workload.Topology);
        Workload.Validate(Parameters);
        Workload.Validate(new WorkloadParameters(Workload.DefaultSize, Workload.DefaultTasks));
        Assert.Equal(Parameters.Tasks, Workload.CreatePeers(Parameters).Count);
    }

    [Fact]
    public void Peers_driven_one_message_at_a_time_give_the_serial_answer_for_several_peer_counts()
    {
        foreach (var peers in new[] { 1, 2, 3, Parameters.Tasks }.Distinct())
        {
            var p = Parameters with { Tasks = peers };
            AssertPasses(Workload.Check(Workload.RunSerial(p), PeerDriver.RunSequential(Workload, p)), $"peers in one thread, {peers} peers");
        }
    }

    [Fact]
    public void Tpl_equals_serial_for_one_to_four_workers()
    {
        var expected = Workload.RunSerial(Parameters);
        for (var workers = 1; workers <= 4; workers++)
            AssertPasses(Workload.Check(expected, Workload.RunTpl(Parameters, workers)), $"TPL, W = {workers}");
    }

    [Fact]
    public async Task Actors_give_the_serial_answer_for_one_to_four_workers()
    {
        var runner = Runner();
        for (var workers = 1; workers <= 4; workers++)
        {
            var report = await runner.RunAsync(new JobRequest(Workload.Name, Parameters, workers) { MeasureTpl = false, Timeout = JobTimeout });
            Assert.True(report.Correct, $"{Workload.Name}: actors, W = {workers}: {report.Check}");
            Assert.Equal(Parameters.Tasks, report.Metrics!.TasksCompleted);
        }
    }

    [Fact]
    public async Task Peers_that_throw_resume_from_their_checkpoints_and_give_the_serial_answer()
    {
        var runner = Runner();
        for (var workers = 1; workers <= 4; workers++)
        {
            // Each peer throws twice after every even step it computes, and resumes from its last checkpoint.
            var request = new JobRequest(Workload.Name, Parameters, workers)
            {
                MeasureTpl = false, Faults = new FaultInjection(EveryNthTask: 2, FailuresPerTask: 2), TaskRetries = 2, Timeout = JobTimeout,
            };
            var report = await runner.RunAsync(request);
            Assert.True(report.Correct, $"{Workload.Name}: actors with faults, W = {workers}: {report.Check}");
            Assert.True(report.Metrics!.TasksFailed > 0, $"{Workload.Name}: no peer failed; give Parameters at least 2 steps");
        }
    }

    [Fact]
    public void Check_detects_a_different_answer()
    {
        var answer = Workload.RunSerial(Parameters);
        var other = Workload.RunSerial(DifferentParameters);
        Assert.False(Workload.Check(answer, other).Passed, $"{Workload.Name}: Check passes {Workload.Describe(other)} against {Workload.Describe(answer)}; override DifferentParameters if these two jobs have the same answer");
        Assert.NotEmpty(Workload.Describe(answer));
    }

    /// <summary>
    /// Checked for a workload that registers its types (<see cref="Simulation.Serialization.IWireTypes"/>), which a peer
    /// workload needs to run on a cluster; one without them runs in one process only and passes this without sending anything.
    /// </summary>
    [Fact]
    public void Messages_and_answer_travel_between_nodes()
    {
        if (Workload is not Simulation.Serialization.IWireTypes)
            return;
        using var wire = new WireCheck(Workload);
        var peers = Workload.CreatePeers(Parameters);
        foreach (var message in peers.SelectMany(p => p.Start()))
            wire.AssertTravels(message);
        var expected = Workload.RunSerial(Parameters);
        AssertPasses(Workload.Check(expected, wire.RoundTrip(new TaskResult(0, expected)).Output), "the answer through the lab serializer");
    }

    private JobRunner Runner() => new(WorkloadRegistry.Default.With(Workload), new ActorEngine());

    private void AssertPasses(CheckResult check, string what) => Assert.True(check.Passed, $"{Workload.Name}: {what}: {check.Detail}");
}
