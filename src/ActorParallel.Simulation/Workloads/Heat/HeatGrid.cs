using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace ActorParallel.Simulation.Workloads.Heat;

/// <summary>An N x N temperature field after <see cref="Steps"/> Jacobi steps, row-major.</summary>
public sealed record HeatGrid(int Size, int Steps, ImmutableArray<double> Cells)
{
    /// <summary>Hot edge temperature (row 0); the other edges stay at 0.</summary>
    public const double HotEdge = 100.0;

    public double this[int row, int column] => Cells[(row * Size) + column];

    public bool Equals(HeatGrid? other) =>
        other is not null && Size == other.Size && Steps == other.Steps && Cells.AsSpan().SequenceEqual(other.Cells.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Size, Steps);

    /// <summary>The initial field: hot top edge, seeded interior values in [0, 10).</summary>
    public static double[] Initial(int n, long seed)
    {
        var cells = new double[n * n];
        for (var j = 0; j < n; j++)
            cells[j] = HotEdge;
        for (var i = 1; i < n - 1; i++)
        {
            var rng = SplitMix64.ForStream(seed, i);
            for (var j = 1; j < n - 1; j++)
                cells[(i * n) + j] = 10 * rng.NextDouble();
        }

        return cells;
    }

    /// <summary>
    /// One Jacobi step for one row: the same expression, in the same order, for the serial solver,
    /// the TPL version and the strips, which is what makes them agree bit for bit.
    /// </summary>
    public static void StepRow(ReadOnlySpan<double> above, ReadOnlySpan<double> row, ReadOnlySpan<double> below, Span<double> next, double alpha)
    {
        next[0] = row[0];
        next[^1] = row[^1];
        for (var j = 1; j < row.Length - 1; j++)
            next[j] = row[j] + (alpha * (above[j] + below[j] + row[j - 1] + row[j + 1] - (4 * row[j])));
    }

    /// <summary>Solves serially (<paramref name="workers"/> = 0) or with Parallel.For over rows on at most that many threads.</summary>
    public static HeatGrid Solve(int n, int steps, double alpha, long seed, int workers = 0, CancellationToken cancellationToken = default)
    {
        var current = Initial(n, seed);
        var next = (double[])current.Clone();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(workers, 1), CancellationToken = cancellationToken };
        for (var s = 0; s < steps; s++)
        {
            var (from, to) = (current, next);
            if (workers == 0)
            {
                for (var i = 1; i < n - 1; i++)
                    StepRow(from.AsSpan((i - 1) * n, n), from.AsSpan(i * n, n), from.AsSpan((i + 1) * n, n), to.AsSpan(i * n, n), alpha);
            }
            else
            {
                // One contiguous block of rows per thread: a Parallel.For per row costs more than the row.
                var blocks = Range64.Split(n - 2, workers).ToArray();
                Parallel.For(0, blocks.Length, options, b =>
                {
                    for (var i = 1 + (int)blocks[b].Start; i < 1 + (int)blocks[b].End; i++)
                        StepRow(from.AsSpan((i - 1) * n, n), from.AsSpan(i * n, n), from.AsSpan((i + 1) * n, n), to.AsSpan(i * n, n), alpha);
                });
            }

            (current, next) = (next, current);
        }

        return new HeatGrid(n, steps, ImmutableCollectionsMarshal.AsImmutableArray(current));
    }
}
