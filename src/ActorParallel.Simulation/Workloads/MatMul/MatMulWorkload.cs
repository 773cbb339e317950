using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorParallel.Simulation.Serialization;

namespace ActorParallel.Simulation.Workloads.MatMul;

/// <summary>A row-major matrix; immutable, so it can travel in messages.</summary>
public sealed record Matrix(int Rows, int Columns, ImmutableArray<double> Cells)
{
    public double this[int row, int column] => Cells[(row * Columns) + column];

    public bool Equals(Matrix? other) =>
        other is not null && Rows == other.Rows && Columns == other.Columns && Cells.AsSpan().SequenceEqual(other.Cells.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Rows, Columns, Cells.Length);

    /// <summary>A deterministic matrix with entries in [-1, 1).</summary>
    public static Matrix Random(int rows, int columns, long seed)
    {
        var rng = SplitMix64.ForStream(seed, rows ^ ((long)columns << 32));
        var cells = new double[rows * columns];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = (rng.NextDouble() * 2) - 1;
        return new Matrix(rows, columns, ImmutableCollectionsMarshal.AsImmutableArray(cells));
    }
}

/// <summary>
/// Rows [FirstRow, FirstRow + RowCount) of the product. <paramref name="ARows"/> holds just those rows of A, row-major:
/// in one process a view into A (no copy: A is immutable and shared), across the network the rows alone travel, with all of B.
/// </summary>
public sealed record MatMulTask(int FirstRow, ReadOnlyMemory<double> ARows, Matrix B)
{
    public int RowCount => B.Rows == 0 ? 0 : ARows.Length / B.Rows;

    public bool Equals(MatMulTask? other) =>
        other is not null && FirstRow == other.FirstRow && B.Equals(other.B) && ARows.Span.SequenceEqual(other.ARows.Span);

    public override int GetHashCode() => HashCode.Combine(FirstRow, ARows.Length, B);
}

/// <summary>
/// The product as the blocks of whole rows it was computed in, in row order: the actors' answer is the workers' output
/// blocks as they arrived (no copy into one array), the serial and TPL answers one block. Equality is by cells, so any
/// blocking of the same product is equal.
/// </summary>
public sealed class MatrixProduct : IEquatable<MatrixProduct>
{
    public MatrixProduct(int size, ImmutableArray<Matrix> blocks)
    {
        if (blocks.Sum(b => b.Rows) != size || blocks.Any(b => b.Columns != size && b.Rows > 0))
            throw new ArgumentException($"the blocks do not make a {size}x{size} matrix", nameof(blocks));
        (Size, Blocks) = (size, blocks);
    }

    public int Size { get; }

    public ImmutableArray<Matrix> Blocks { get; }

    /// <summary>The sum of all entries, in row-major order (so the same for any blocking).</summary>
    public double Total()
    {
        var total = 0.0;
        foreach (var block in Blocks)
        {
            foreach (var v in block.Cells)
                total += v;
        }

        return total;
    }

    public bool Equals(MatrixProduct? other)
    {
        if (other is null || Size != other.Size)
            return false;
        var (mine, theirs) = (Cells().GetEnumerator(), other.Cells().GetEnumerator());
        while (mine.MoveNext())
        {
            if (!theirs.MoveNext() || !mine.Current.Span.SequenceEqual(theirs.Current.Span))
                return false;
        }

        return !theirs.MoveNext();
    }

    public override bool Equals(object? obj) => obj is MatrixProduct other && Equals(other);

    public override int GetHashCode() => Size;

    // Row by row, so blockings compare without copying.
    private IEnumerable<ReadOnlyMemory<double>> Cells()
    {
        foreach (var block in Blocks)
        {
            for (var i = 0; i < block.Rows; i++)
                yield return block.Cells.AsMemory().Slice(i * Size, Size);
        }
    }
}

/// <summary>Dense C = A x B by row blocks. Each C[i,j] sums over k in the same order everywhere, so any split is bit-identical.</summary>
public sealed class MatMulWorkload : Workload<MatMulTask, Matrix, MatrixProduct>, IWireTypes
{
    public override string Name => "matmul";

    public override string Description => "Dense matrix product C = A x B by row blocks (blocks travel in messages)";

    public override long DefaultSize => 700;

    public override int DefaultTasks => 24;

    public override string SizeUnit => "matrix order n (n x n)";

    public override void Validate(WorkloadParameters parameters)
    {
        base.Validate(parameters);
        if (parameters.Size > 4096)
            throw new WorkloadParameterException($"matmul: size (matrix order) must be at most 4096; got {parameters.Size}");
    }

    protected override IEnumerable<MatMulTask> Split(WorkloadParameters p)
    {
        var (a, b) = Inputs(p);
        var n = a.Columns;
        var cells = a.Cells.AsMemory();
        return Range64.Split(a.Rows, p.Tasks).Select(r => new MatMulTask((int)r.Start, cells.Slice((int)r.Start * n, (int)r.Length * n), b));
    }

    protected override Matrix Execute(MatMulTask t) => Multiply(t.ARows.Span, t.RowCount, t.B);

    /// <summary>The outputs are the product's row blocks in task order: kept as they are, not copied into one array.</summary>
    protected override MatrixProduct Combine(WorkloadParameters p, IReadOnlyList<Matrix> outputs) => new((int)p.Size, [.. outputs]);

    protected override MatrixProduct Serial(WorkloadParameters p)
    {
        var (a, b) = Inputs(p);
        return new MatrixProduct(a.Rows, [Multiply(a.Cells.AsSpan(), a.Rows, b)]);
    }

    /// <summary>Shared memory: every thread reads A and B in place and writes its rows of one C array.</summary>
    protected override MatrixProduct Tpl(WorkloadParameters p, int workers, CancellationToken ct)
    {
        var (a, b) = Inputs(p);
        var n = a.Rows;
        var c = new double[n * n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct };
        Parallel.For(0, n, options, i => MultiplyRow(a.Cells.AsSpan(i * n, n), b, c.AsSpan(i * n, n)));
        return new MatrixProduct(n, [new Matrix(n, n, ImmutableCollectionsMarshal.AsImmutableArray(c))]);
    }

    protected override string Describe(MatrixProduct m) => $"{m.Size}x{m.Size} product, sum of entries {m.Total():R}";

    protected override IReadOnlyDictionary<string, double> Values(MatrixProduct m) =>
        new Dictionary<string, double> { ["rows"] = m.Size, ["columns"] = m.Size, ["sum"] = m.Total() };

    protected override long EstimateBytes(MatMulTask task) => 16 + ((task.ARows.Length + task.B.Cells.Length) * 8L);

    protected override long EstimateBytes(Matrix output) => 16 + (output.Cells.Length * 8L);

    /// <summary>A task carries its rows of A and all of B; outputs are matrices (cells as raw doubles).</summary>
    public void RegisterWireTypes(WireRegistry.Builder wire) => wire
        .Add("mm.task", static (w, t) =>
        {
            w.WriteInt32(t.FirstRow);
            w.WriteDoubles(t.ARows.Span);
            WriteMatrix(w, t.B);
        }, static (ref WireReader r) => new MatMulTask(r.ReadInt32(), r.ReadDoubles(), ReadMatrix(ref r)))
        .Add<Matrix>("mm.matrix", WriteMatrix, ReadMatrix)
        .Add("mm.product", static (w, m) =>
        {
            w.WriteInt32(m.Size);
            w.WriteArray(m.Blocks.AsSpan(), WriteMatrix);
        }, static (ref WireReader r) => new MatrixProduct(r.ReadInt32(), r.ReadImmutableArray(ReadMatrix, 8)));

    private static void WriteMatrix(WireWriter w, Matrix m)
    {
        w.WriteInt32(m.Rows);
        w.WriteInt32(m.Columns);
        w.WriteDoubles(m.Cells.AsSpan());
    }

    private static Matrix ReadMatrix(ref WireReader r) =>
        new(r.ReadInt32(), r.ReadInt32(), ImmutableCollectionsMarshal.AsImmutableArray(r.ReadDoubles()));

    private static (Matrix A, Matrix B) Inputs(WorkloadParameters p) =>
        (Matrix.Random((int)p.Size, (int)p.Size, p.Seed), Matrix.Random((int)p.Size, (int)p.Size, p.Seed + 1));

    /// <summary>The product of <paramref name="rows"/> rows of A (row-major, B.Rows columns each) with B.</summary>
    private static Matrix Multiply(ReadOnlySpan<double> aRows, int rows, Matrix b)
    {
        var c = new double[rows * b.Columns];
        for (var i = 0; i < rows; i++)
            MultiplyRow(aRows.Slice(i * b.Rows, b.Rows), b, c.AsSpan(i * b.Columns, b.Columns));
        return new Matrix(rows, b.Columns, ImmutableCollectionsMarshal.AsImmutableArray(c));
    }

    /// <summary>
    /// c = aRow x B in i-k-j order: k ascends for every entry, fixing the summation order. The kernel of the
    /// serial, TPL and actor versions alike, compiled fully optimised on first call so all of them run the same code.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyRow(ReadOnlySpan<double> aRow, Matrix b, Span<double> c)
    {
        var cells = b.Cells.AsSpan();
        for (var k = 0; k < aRow.Length; k++)
        {
            var aik = aRow[k];
            var bRow = cells.Slice(k * b.Columns, b.Columns);
            for (var j = 0; j < c.Length; j++)
                c[j] += aik * bRow[j];
        }
    }
}
