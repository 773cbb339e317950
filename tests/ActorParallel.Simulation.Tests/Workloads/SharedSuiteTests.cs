using ActorParallel.Testing;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Workloads;

/// <summary>The suite authors get in ActorParallel.Testing, run here on built-in workloads so that it stays green on ours.</summary>
public sealed class SharedSuiteTests() : FarmWorkloadSuite((ITaskFarmWorkload)WorkloadRegistry.Default.Get("pi"), new WorkloadParameters(100_000, 9));

/// <summary>The same suite on a map-reduce workload: its shuffle path and the shuffle's messages on the wire too.</summary>
public sealed class SharedSuiteShuffleTests() : FarmWorkloadSuite(
    (ITaskFarmWorkload)WorkloadRegistry.Default.Get("wordcount"), new WorkloadParameters(2_000, 7).With("vocabulary", "40").With("reducers", "3"));

/// <summary>The peer suite on heat, the lab's peer workload.</summary>
public sealed class SharedSuitePeerTests() : PeerWorkloadSuite(
    (IPeerWorkload)WorkloadRegistry.Default.Get("heat"), new WorkloadParameters(14, 4).With("steps", "9").With("checkpoint-every", "2"));
