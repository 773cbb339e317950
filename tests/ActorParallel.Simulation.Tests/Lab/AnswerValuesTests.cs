using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Tests.Lab;

/// <summary>Each workload's answer as numbers (<c>run --json</c>'s <c>answer_values</c>), read from the serial answer.</summary>
public sealed class AnswerValuesTests
{
    [Theory]
    [InlineData("pi", 10_000, "estimate", "hits", "samples")]
    [InlineData("primes", 10_000, "primes")]
    [InlineData("matmul", 12, "rows", "columns", "sum")]
    [InlineData("mandelbrot", 16, "width", "height", "total_iterations")]
    [InlineData("heat", 16, "size", "steps", "centre", "total_heat")]
    [InlineData("wordcount", 2_000, "total_words", "distinct_words")]
    [InlineData("synthetic", 2_000, "serial_units", "parallel_units")]
    public void A_workload_names_the_numbers_of_its_answer(string name, long size, params string[] keys)
    {
        var workload = WorkloadRegistry.Default.Get(name);
        var answer = workload.RunSerial(new WorkloadParameters(size, 2));

        var values = workload.Values(answer);

        Assert.Equal(keys.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
        Assert.All(values.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Pi_gives_its_estimate_and_primes_their_count()
    {
        var pi = WorkloadRegistry.Default.Get("pi");
        var values = pi.Values(pi.RunSerial(new WorkloadParameters(100_000, 4)));
        Assert.InRange(values["estimate"], 3.1, 3.2);
        Assert.Equal(4.0 * values["hits"] / values["samples"], values["estimate"]);

        var primes = WorkloadRegistry.Default.Get("primes");
        Assert.Equal(1229, primes.Values(primes.RunSerial(new WorkloadParameters(10_000, 2)))["primes"]);
    }

    [Fact]
    public void A_checksum_is_not_a_number_to_compute_with()
    {
        var io = WorkloadRegistry.Default.Get("io");
        Assert.Empty(io.Values(io.RunSerial(new WorkloadParameters(4, 2))));
    }
}
