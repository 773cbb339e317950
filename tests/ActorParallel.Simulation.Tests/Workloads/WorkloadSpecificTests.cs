using System.Xml.Linq;
using ActorParallel.Simulation.Workloads;
using ActorParallel.Simulation.Workloads.Heat;
using ActorParallel.Simulation.Workloads.Mandelbrot;
using ActorParallel.Simulation.Workloads.Pi;
using ActorParallel.Simulation.Workloads.Primes;
using ActorParallel.Simulation.Workloads.Synthetic;
using ActorParallel.Simulation.Workloads.WordCount;

namespace ActorParallel.Simulation.Tests.Workloads;

public sealed class WorkloadSpecificTests
{
    [Theory]
    [InlineData(10, 4)]
    [InlineData(100, 25)]
    [InlineData(1_000, 168)]
    [InlineData(10_000, 1_229)]
    [InlineData(100_000, 9_592)]
    [InlineData(1_000_000, 78_498)]
    public void Primes_counts_known_values_of_pi_of_n(long n, long expected)
    {
        var workload = WorkloadRegistry.Default.Get("primes");
        Assert.Equal(expected, workload.RunSerial(new WorkloadParameters(n, 1)));
        var farm = (ITaskFarmWorkload)workload;
        var p = new WorkloadParameters(n, 7);
        Assert.Equal(expected, farm.Combine(p, farm.Split(p).Select(farm.Execute).ToArray()));
    }

    [Fact]
    public void Pi_is_identical_for_any_task_count_and_close_to_pi()
    {
        var farm = (ITaskFarmWorkload)WorkloadRegistry.Default.Get("pi");
        var answers = new[] { 1, 2, 5, 64 }
            .Select(t => new WorkloadParameters(300_001, t))
            .Select(p => (PiAnswer)farm.Combine(p, farm.Split(p).Select(farm.Execute).ToArray()))
            .ToArray();
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.InRange(answers[0].Estimate, 3.13, 3.15);
    }

    [Fact]
    public void Wordcount_partitions_are_disjoint_and_reduce_back_to_the_whole()
    {
        var counts = WordCounts.Count(["the cat, the Dog", "a cat; THE end"]);
        Assert.Equal(8, counts.TotalWords);
        Assert.Contains(new WordFrequency("the", 3), counts.Counts);
        var parts = counts.Partition(3);
        Assert.Equal(counts.Counts.Length, parts.Sum(p => p.Counts.Length));
        foreach (var (part, index) in parts.Select((p, i) => (p, i)))
            Assert.All(part.Counts, c => Assert.Equal(index, StableHash.Partition(c.Word, 3)));
        Assert.Equal(counts, WordCounts.Reduce(parts));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(64)]
    public void Wordcount_parts_keep_word_order_and_merging_equals_reducing(int partitions)
    {
        var corpus = new Corpus(7, 300).Lines(0, 400).ToArray();
        var whole = WordCounts.Count(corpus);
        var parts = whole.Partition(partitions);
        Assert.Equal(partitions, parts.Length);
        Assert.All(parts, p => Assert.Equal(p.Counts.OrderBy(c => c.Word, StringComparer.Ordinal), p.Counts));
        Assert.Equal(whole, WordCounts.Merge(parts)); // disjoint parts: a sorted concatenation
        Assert.Equal(whole, WordCounts.Merge([.. parts.Reverse()]));

        // Overlapping counts (map outputs of different lines) merge to what Reduce gives.
        var outputs = Enumerable.Range(0, 5).Select(i => WordCounts.Count(corpus.Skip(i * 80).Take(80))).ToArray();
        Assert.Equal(WordCounts.Reduce(outputs), WordCounts.Merge(outputs));
        Assert.Equal(whole, WordCounts.Merge(outputs));
        Assert.Equal(WordCounts.Empty, WordCounts.Merge([]));
    }

    [Fact]
    public void Wordcount_counts_as_lower_cased_strings_would_whatever_the_letters_and_length()
    {
        var longWord = new string('Q', 300) + "x";
        string[] lines = ["The THE the; Ärger ärger ÄRGER", "ΣΟΦΙΑ σοφια École ÉCOLE", $"{longWord} {longWord.ToLowerInvariant()} a1b2 I'm"];
        var expected = lines
            .SelectMany(l => System.Text.RegularExpressions.Regex.Split(l, @"\P{L}+"))
            .Where(w => w.Length > 0)
            .GroupBy(w => w.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => new WordFrequency(g.Key, g.Count()))
            .OrderBy(c => c.Word, StringComparer.Ordinal);
        var counts = WordCounts.Count(lines);
        Assert.Equal(expected, counts.Counts);
        Assert.Contains(new WordFrequency(longWord.ToLowerInvariant(), 2), counts.Counts);
        Assert.Contains(new WordFrequency("ärger", 3), counts.Counts);
    }

    [Fact]
    public void Wordcount_warm_up_is_a_small_generated_job_with_the_same_tasks_and_reducers()
    {
        var wordcount = (IWarmUpWorkload)WorkloadRegistry.Default.Get("wordcount");
        var job = new WorkloadParameters(1_500_000, 32).With("reducers", "4").With("input", "/some/files");
        var warmUp = wordcount.WarmUpParameters(job);
        Assert.Equal(3_200, warmUp.Size);
        Assert.Equal(32, warmUp.Tasks);
        Assert.Equal("4", warmUp.Options["reducers"]);
        Assert.False(warmUp.Options.ContainsKey("input"));
        wordcount.Validate(warmUp);
    }

    [Fact]
    public void Stable_hash_is_fnv1a()
    {
        Assert.Equal(2166136261u, StableHash.Fnv1a(""));
        Assert.Equal(0xE40C292Cu, StableHash.Fnv1a("a"));
    }

    [Fact]
    public void Wordcount_reads_user_files()
    {
        var dir = Directory.CreateTempSubdirectory("ap-wc-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.txt"), "one two two\nthree three three\n");
            var p = new WorkloadParameters(1, 2).With("input", dir.FullName);
            var answer = (WordCounts)WorkloadRegistry.Default.Get("wordcount").RunSerial(p);
            Assert.Equal([new("one", 1), new("three", 3), new("two", 2)], answer.Counts.ToArray());
            Assert.Throws<WorkloadParameterException>(() => WorkloadRegistry.Default.Get("wordcount").RunSerial(p.With("input", "/nonexistent/x")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(18)]
    public void Heat_strips_exchanging_halos_equal_the_serial_solver_bit_for_bit(int strips)
    {
        var heat = (IPeerWorkload)WorkloadRegistry.Default.Get("heat");
        var p = new WorkloadParameters(20, strips).With("steps", "25");
        var serial = (HeatGrid)heat.RunSerial(p);
        Assert.True(heat.Check(serial, PeerDriver.RunSequential(heat, p)).Passed);
        Assert.True(heat.Check(serial, heat.RunTpl(p, 2)).Passed);
        Assert.Equal(HeatGrid.HotEdge, serial[0, 5]);
        Assert.InRange(serial[1, 10], 0.1, HeatGrid.HotEdge);
    }

    [Fact]
    public void Heat_strip_buffers_a_halo_from_a_neighbour_one_step_ahead()
    {
        var heat = (IPeerWorkload)WorkloadRegistry.Default.Get("heat");
        var p = new WorkloadParameters(12, 3).With("steps", "4");
        var peers = heat.CreatePeers(p);
        // Deliver LIFO instead of FIFO: neighbours run ahead of each other.
        var stack = new Stack<PeerMessage>(peers.SelectMany(x => x.Start()));
        while (stack.TryPop(out var m))
        {
            foreach (var reply in peers[m.To].Receive(m))
                stack.Push(reply);
        }

        Assert.All(peers, x => Assert.True(x.IsDone));
        Assert.Equal(heat.RunSerial(p), heat.Assemble(p, peers.Select(x => x.Result()).ToArray()));
    }

    [Fact]
    public void Heat_rejects_more_strips_than_rows()
    {
        var e = Assert.Throws<WorkloadParameterException>(() => WorkloadRegistry.Default.Get("heat").RunSerial(new WorkloadParameters(10, 9)));
        Assert.Contains("size - 2 = 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mandelbrot_writes_pgm_and_a_png_with_valid_chunks()
    {
        var image = (MandelbrotImage)WorkloadRegistry.Default.Get("mandelbrot").RunSerial(new WorkloadParameters(16, 2).With("max-iter", "50"));
        using var pgm = new MemoryStream();
        ImageWriter.WritePgm(image, pgm);
        Assert.Equal("P5\n16 16\n255\n".Length + 256, pgm.Length);

        using var png = new MemoryStream();
        ImageWriter.WritePng(image, png);
        var bytes = png.ToArray();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 8, 4));
        // The CRC of an empty IEND chunk is a well-known constant.
        Assert.Equal(0xAE426082u, ImageWriter.Crc32("IEND"u8.ToArray(), []));
    }

    [Fact]
    public void Synthetic_costs_sum_to_the_parallel_share_for_every_distribution()
    {
        foreach (var d in SyntheticWorkload.Distributions)
        {
            var p = new WorkloadParameters(10_001, 13).With("distribution", d).With("serial-fraction", "0.25");
            var costs = SyntheticWorkload.Costs(p);
            Assert.Equal(10_001 - 2_500, costs.Sum());
            Assert.All(costs, c => Assert.True(c >= 0));
        }
    }

    [Fact]
    public void Validation_names_the_bad_parameter_and_what_is_allowed()
    {
        var registry = WorkloadRegistry.Default;
        Assert.Contains("known workloads: heat, io, mandelbrot", Assert.Throws<WorkloadParameterException>(() => registry.Get("nope")).Message, StringComparison.Ordinal);
        Assert.Contains("allowed: max-iter", Assert.Throws<WorkloadParameterException>(
            () => registry.Get("mandelbrot").Validate(new WorkloadParameters(10, 1).With("colour", "red"))).Message, StringComparison.Ordinal);
        Assert.Contains("allowed: constant, uniform, exponential", Assert.Throws<WorkloadParameterException>(
            () => registry.Get("synthetic").Validate(new WorkloadParameters(10, 1).With("distribution", "pareto"))).Message, StringComparison.Ordinal);
        Assert.Contains("is not an integer", Assert.Throws<WorkloadParameterException>(
            () => registry.Get("mandelbrot").Validate(new WorkloadParameters(10, 1).With("max-iter", "lots"))).Message, StringComparison.Ordinal);
        Assert.Throws<WorkloadParameterException>(() => registry.Get("pi").Validate(new WorkloadParameters(0, 1)));
    }

    [Fact]
    public void Registry_lists_every_workload_with_a_description()
    {
        Assert.Equal(["heat", "io", "mandelbrot", "matmul", "pi", "primes", "synthetic", "wordcount"], WorkloadRegistry.Default.Names);
        Assert.All(WorkloadRegistry.Default.All, w => Assert.False(string.IsNullOrWhiteSpace(w.Description)));
        Assert.Equal(WorkloadTopology.Custom, WorkloadRegistry.Default.Get("heat").Topology);
        Assert.IsType<PrimesWorkload>(WorkloadRegistry.Default.Get("PRIMES"));
        _ = XDocument.Parse("<ok/>");
    }
}
