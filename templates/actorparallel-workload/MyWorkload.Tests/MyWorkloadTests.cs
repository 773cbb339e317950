using ActorParallel.Simulation.Workloads;
using ActorParallel.Testing;

namespace MyWorkloadLab.Tests;

/// <summary>
/// The lab's shared suite (split, execute, combine; TPL; actors at W = 1..4, pulling and pushing, with workers that
/// throw; the types on the wire), each answer checked against the serial reference, plus answers known by hand.
/// Keep the parameters small: the suite runs the job about forty times.
/// </summary>
#if (kind == "shuffle")
public sealed class MyWorkloadTests() : FarmWorkloadSuite(new MyWorkload(), new WorkloadParameters(Size: 30_000, Tasks: 7).With("reducers", "3"))
{
    [Fact]
    public void The_serial_reference_gives_known_answers()
    {
        // Below 100: digit sum s is had by s + 1 numbers for s <= 9, by 19 - s for s >= 9.
        var answer = (DigitSums)new MyWorkload().RunSerial(new WorkloadParameters(100, Tasks: 1));
        for (var s = 0; s <= 18; s++)
            Assert.Equal(s <= 9 ? s + 1 : 19 - s, answer.Counts[s]);
        Assert.Equal(100, answer.Counts.Sum());
    }
}
#elif (kind == "peer")
public sealed class MyWorkloadTests() : PeerWorkloadSuite(new MyWorkload(), new WorkloadParameters(Size: 1_000, Tasks: 4).With("steps", "12").With("checkpoint-every", "3"))
{
    [Fact]
    public void The_serial_reference_gives_known_answers()
    {
        // One step on a ring of 3 cells 1, 2, 3 (seed 1 starts them at 1 + i * 2654435761 mod p; only the sum is checked here):
        // each cell becomes left + 2 x itself + right, so the ring's sum is multiplied by 4 each step (mod p).
        var p = new WorkloadParameters(3, Tasks: 1, Seed: 1).With("steps", "1");
        var start = (Ring)new MyWorkload().RunSerial(p.With("steps", "0"));
        var after = (Ring)new MyWorkload().RunSerial(p);
        Assert.Equal(start.Cells.Sum() * 4 % MyWorkload.Modulus, after.Cells.Sum() % MyWorkload.Modulus);
    }
}
#else
public sealed class MyWorkloadTests() : FarmWorkloadSuite(new MyWorkload(), new WorkloadParameters(Size: 30_000, Tasks: 7))
{
    [Theory]
    [InlineData(10, 9, 19)]
    [InlineData(100, 97, 118)]
    public void The_serial_reference_gives_known_answers(long size, long start, int steps)
    {
        var answer = new MyWorkload().RunSerial(new WorkloadParameters(size, Tasks: 1));
        Assert.Equal(new LongestChain(start, steps), answer);
    }
}
#endif
