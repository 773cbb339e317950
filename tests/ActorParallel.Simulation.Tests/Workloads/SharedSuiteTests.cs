using ActorParallel.Testing;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Workloads;

/// <summary>The suite authors get in ActorParallel.Testing, run here on a built-in workload so that it stays green on ours.</summary>
public sealed class SharedSuiteTests() : FarmWorkloadSuite((ITaskFarmWorkload)WorkloadRegistry.Default.Get("pi"), new WorkloadParameters(100_000, 9));
