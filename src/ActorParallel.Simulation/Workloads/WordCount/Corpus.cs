using System.Text;

namespace ActorParallel.Simulation.Workloads.WordCount;

/// <summary>
/// The text to count: either generated (deterministic lines of Zipf-distributed words from a
/// seeded vocabulary) or read from user files. Line l of a generated corpus depends only on
/// (seed, l), so any task can produce any range of lines.
/// </summary>
public sealed class Corpus
{
    /// <summary>Words per generated line.</summary>
    public const int WordsPerLine = 12;

    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;
    private readonly long _seed;

    public Corpus(long seed, int vocabulary)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabulary, 1);
        _seed = seed;
        var rng = SplitMix64.ForStream(seed, -1);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var letters = new StringBuilder();
        while (words.Count < vocabulary)
        {
            letters.Clear();
            var length = 2 + rng.NextInt(8);
            for (var i = 0; i < length; i++)
                letters.Append((char)('a' + rng.NextInt(26)));
            words.Add(letters.ToString());
        }

        _vocabulary = [.. words];
        _cumulative = new double[vocabulary];
        var total = 0.0;
        for (var r = 0; r < vocabulary; r++)
            _cumulative[r] = total += 1.0 / (r + 1);
        for (var r = 0; r < vocabulary; r++)
            _cumulative[r] /= total;
    }

    public static long LinesFor(long words) => (words + WordsPerLine - 1) / WordsPerLine;

    /// <summary>Generated lines [first, end).</summary>
    public IEnumerable<string> Lines(long first, long end)
    {
        var line = new StringBuilder();
        for (var l = first; l < end; l++)
        {
            var rng = SplitMix64.ForStream(_seed, l);
            line.Clear();
            for (var w = 0; w < WordsPerLine; w++)
            {
                var index = Array.BinarySearch(_cumulative, rng.NextDouble());
                line.Append(_vocabulary[Math.Min(index < 0 ? ~index : index, _vocabulary.Length - 1)]).Append(w % 5 == 4 ? ", " : " ");
            }

            yield return line.ToString();
        }
    }

    /// <summary>All lines of the given files (a directory means its *.txt files, sorted by name).</summary>
    public static IReadOnlyList<string> ReadFiles(string paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var lines = new List<string>();
        foreach (var path in paths.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] files = Directory.Exists(path)
                ? [.. Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal)]
                : File.Exists(path)
                    ? [path]
                    : throw new WorkloadParameterException($"wordcount: input '{path}' is neither a file nor a directory");
            foreach (var file in files)
                lines.AddRange(File.ReadLines(file));
        }

        return lines;
    }
}
