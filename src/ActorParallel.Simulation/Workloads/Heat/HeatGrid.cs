using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActorParallel.Simulation.Workloads.Heat;

/// <summary>
/// An N x N temperature field after <see cref="Steps"/> Jacobi steps, as blocks of whole rows, row-major within a block:
/// the solvers' one array, or the strips' own rows between the two edge rows, which the grid references rather than
/// copying. Two grids are equal when their sizes, steps and cells are, however their rows are blocked.
/// </summary>
public sealed class HeatGrid : IEquatable<HeatGrid>
{
    /// <summary>Hot edge temperature (row 0); the other edges stay at 0.</summary>
    public const double HotEdge = 100.0;

    // The first row of each block, and one past the last row at the end.
    private readonly int[] _firstRows;

    /// <summary>A grid in one row-major array of <paramref name="size"/> x <paramref name="size"/> cells.</summary>
    public HeatGrid(int size, int steps, ImmutableArray<double> cells)
        : this(size, steps, [cells.AsMemory()])
    {
    }

    /// <summary>A grid from blocks of whole rows, in row order, that together hold <paramref name="size"/> rows.</summary>
    public HeatGrid(int size, int steps, ImmutableArray<ReadOnlyMemory<double>> blocks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        (Size, Steps, Blocks) = (size, steps, blocks);
        _firstRows = new int[blocks.Length + 1];
        for (var b = 0; b < blocks.Length; b++)
        {
            if (blocks[b].Length % size != 0)
                throw new ArgumentException($"block {b} holds {blocks[b].Length} cells, not whole rows of {size}", nameof(blocks));
            _firstRows[b + 1] = _firstRows[b] + (blocks[b].Length / size);
        }

        if (_firstRows[^1] != size)
            throw new ArgumentException($"the blocks hold {_firstRows[^1]} rows, not {size}", nameof(blocks));
    }

    public int Size { get; }

    public int Steps { get; }

    /// <summary>The rows, in blocks (see the class summary).</summary>
    public ImmutableArray<ReadOnlyMemory<double>> Blocks { get; }

    public double this[int row, int column] => Row(row)[column];

    /// <summary>Row <paramref name="row"/>'s cells.</summary>
    public ReadOnlySpan<double> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Size);
        var b = Array.BinarySearch(_firstRows, row);
        if (b < 0)
            b = ~b - 1;
        return Blocks[b].Span.Slice((row - _firstRows[b]) * Size, Size);
    }

    /// <summary>The sum of all cells, in row-major order (so the same for any blocking).</summary>
    public double Total()
    {
        var total = 0.0;
        foreach (var block in Blocks)
        {
            foreach (var cell in block.Span)
                total += cell;
        }

        return total;
    }

    public bool Equals(HeatGrid? other)
    {
        if (other is null || Size != other.Size || Steps != other.Steps)
            return false;
        for (var i = 0; i < Size; i++)
        {
            if (!Row(i).SequenceEqual(other.Row(i)))
                return false;
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is HeatGrid other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Size, Steps);

    /// <summary>The initial field: hot top edge, seeded interior values in [0, 10).</summary>
    public static double[] Initial(int n, long seed)
    {
        var cells = new double[n * n];
        InitialRows(n, seed, 0, n, cells);
        return cells;
    }

    /// <summary>
    /// Rows [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of <see cref="Initial"/>, into
    /// <paramref name="cells"/> (row-major, <paramref name="count"/> x n): each row depends only on (seed, row), so a
    /// strip can make its own rows.
    /// </summary>
    public static void InitialRows(int n, long seed, int first, int count, Span<double> cells)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + count, n);
        ArgumentOutOfRangeException.ThrowIfLessThan(cells.Length, count * n);
        for (var k = 0; k < count; k++)
        {
            var i = first + k;
            var row = cells.Slice(k * n, n);
            if (i == 0)
            {
                row.Fill(HotEdge);
                continue;
            }

            row.Clear();
            if (i == n - 1)
                continue;
            var rng = SplitMix64.ForStream(seed, i);
            for (var j = 1; j < n - 1; j++)
                row[j] = 10 * rng.NextDouble();
        }
    }

    /// <summary>
    /// One Jacobi step for one row: the same expression, in the same order, for the serial solver,
    /// the TPL version and the strips, which is what makes them agree bit for bit. Compiled optimised at its
    /// first call and never recompiled, so that no version's timing depends on where the tiered JIT's
    /// recompilations of the kernel fall (they fell inside whichever timed run came after the one that
    /// triggered them, and their profiling version ran the rows several times slower).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
