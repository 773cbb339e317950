using ActorParallel.Simulation.Experiments;

namespace ActorParallel.Simulation.Tests.Experiments;

public sealed class SampleStatsTests
{
    [Fact]
    public void Quartiles_interpolate_between_order_statistics()
    {
        var four = SampleStats.Of([4, 1, 3, 2]);
        Assert.Equal((1.75, 2.5, 3.25), (four.Q1, four.Median, four.Q3));
        Assert.Equal((1.0, 4.0), (four.Min, four.Max));

        var three = SampleStats.Of([30, 10, 20]);
        Assert.Equal((15.0, 20.0, 25.0), (three.Q1, three.Median, three.Q3));

        var five = SampleStats.Of([5, 1, 4, 2, 3]);
        Assert.Equal((2.0, 3.0, 4.0), (five.Q1, five.Median, five.Q3));
    }

    [Fact]
    public void Samples_are_kept_in_the_order_taken() =>
        Assert.Equal([3.0, 1, 2], SampleStats.Of([3, 1, 2]).Samples);

    [Fact]
    public void Spread_is_the_interquartile_range_over_the_median()
    {
        Assert.Equal(0.5, SampleStats.Of([30, 10, 20]).Spread, 12); // (25 - 15) / 20
        Assert.Equal(0, SampleStats.Of([7]).Spread);
    }

    [Theory]
    [InlineData(new[] { 100.0, 100, 100, 100, 160 }, false)] // one disturbed run of five: an outlier, not a noisy point
    [InlineData(new[] { 100.0, 104, 108 }, false)] // (106 - 102) / 104 = 3.8%
    [InlineData(new[] { 100.0, 120, 140 }, true)] // (130 - 110) / 120 = 16.7%
    [InlineData(new[] { 100.0, 125 }, true)] // (118.75 - 106.25) / 112.5 = 11.1%
    public void A_point_is_too_noisy_when_its_spread_exceeds_ten_percent(double[] samples, bool noisy) =>
        Assert.Equal(noisy, SampleStats.Of(samples).TooNoisy);

    [Fact]
    public void Unmeasured_quantities_have_no_stats()
    {
        Assert.Null(SampleStats.OfPresent([null, null]));
        Assert.Equal([2.0], SampleStats.OfPresent([null, 2])!.Samples);
        Assert.True(double.IsNaN(SampleStats.Of([]).Median));
    }
}
