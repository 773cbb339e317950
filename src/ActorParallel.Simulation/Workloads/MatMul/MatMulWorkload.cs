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

/// <summary>Rows [FirstRow, FirstRow + A.Rows) of the product: the A block and all of B travel with the task.</summary>
public sealed record MatMulTask(int FirstRow, Matrix A, Matrix B);

/// <summary>Dense C = A x B by row blocks. Each C[i,j] sums over k in the same order everywhere, so any split is bit-identical.</summary>
public sealed class MatMulWorkload : Workload<MatMulTask, Matrix, Matrix>, IWireTypes
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
        return Range64.Split(a.Rows, p.Tasks).Select(r => new MatMulTask(
            (int)r.Start, new Matrix((int)r.Length, n, a.Cells.Slice((int)r.Start * n, (int)r.Length * n)), b));
    }

    protected override Matrix Execute(MatMulTask t) => Multiply(t.A, t.B);

    protected override Matrix Combine(WorkloadParameters p, IReadOnlyList<Matrix> outputs)
    {
        var builder = ImmutableArray.CreateBuilder<double>((int)(p.Size * p.Size));
        foreach (var block in outputs)
            builder.AddRange(block.Cells);
        return new Matrix((int)p.Size, (int)p.Size, builder.MoveToImmutable());
    }

    protected override Matrix Serial(WorkloadParameters p)
    {
        var (a, b) = Inputs(p);
        return Multiply(a, b);
    }

    /// <summary>Shared memory: every thread reads A and B in place and writes its rows of one C array.</summary>
    protected override Matrix Tpl(WorkloadParameters p, int workers, CancellationToken ct)
    {
        var (a, b) = Inputs(p);
        var n = a.Rows;
        var c = new double[n * n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct };
        Parallel.For(0, n, options, i => MultiplyRow(a.Cells.AsSpan(i * n, n), b, c.AsSpan(i * n, n)));
        return new Matrix(n, n, ImmutableCollectionsMarshal.AsImmutableArray(c));
    }

    protected override string Describe(Matrix m)
    {
        var sum = 0.0;
        foreach (var v in m.Cells)
            sum += v;
        return $"{m.Rows}x{m.Columns} product, sum of entries {sum:R}";
    }

    protected override IReadOnlyDictionary<string, double> Values(Matrix m)
    {
        var sum = 0.0;
        foreach (var v in m.Cells)
            sum += v;
        return new Dictionary<string, double> { ["rows"] = m.Rows, ["columns"] = m.Columns, ["sum"] = sum };
    }

    protected override long EstimateBytes(MatMulTask task) => 16 + ((task.A.Cells.Length + task.B.Cells.Length) * 8L);

    protected override long EstimateBytes(Matrix output) => 16 + (output.Cells.Length * 8L);

    /// <summary>A task carries its block of A and all of B; outputs and the answer are matrices (cells as raw doubles).</summary>
    public void RegisterWireTypes(WireRegistry.Builder wire) => wire
        .Add("mm.task", static (w, t) =>
        {
            w.WriteInt32(t.FirstRow);
            WriteMatrix(w, t.A);
            WriteMatrix(w, t.B);
        }, static (ref WireReader r) => new MatMulTask(r.ReadInt32(), ReadMatrix(ref r), ReadMatrix(ref r)))
        .Add<Matrix>("mm.matrix", WriteMatrix, ReadMatrix);

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

    private static Matrix Multiply(Matrix a, Matrix b)
    {
        var c = new double[a.Rows * b.Columns];
        for (var i = 0; i < a.Rows; i++)
            MultiplyRow(a.Cells.AsSpan(i * a.Columns, a.Columns), b, c.AsSpan(i * b.Columns, b.Columns));
        return new Matrix(a.Rows, b.Columns, ImmutableCollectionsMarshal.AsImmutableArray(c));
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
