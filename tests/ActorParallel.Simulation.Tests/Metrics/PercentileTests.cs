using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Simulation.Tests.Metrics;

public sealed class PercentileTests
{
    [Fact]
    public void Sorting_in_place_gives_the_nearest_rank_percentiles_of_a_copy()
    {
        var random = new Random(3);
        foreach (var n in new[] { 0, 1, 2, 7, 100, 1001 })
        {
            var values = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 100).ToArray();
            var expected = Percentile.Of(values);

            Assert.Equal(expected, Percentile.SortAndTake(values.AsSpan()));
            Assert.True(values.AsSpan().SequenceEqual(values.Order().ToArray()), "sorted where they were");
        }
    }
}
