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
