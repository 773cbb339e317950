using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorParallel.Simulation.Serialization;

namespace ActorParallel.Simulation.Workloads.Mandelbrot;

/// <summary>Rows [FirstRow, EndRow) of a Width x Height view; rows near the set cost far more than rows outside it.</summary>
public sealed record MandelbrotTask(int Width, int Height, int FirstRow, int EndRow, int MaxIterations);

/// <summary>
/// Escape iteration counts (MaxIterations = inside), row-major, held as the row bands they were computed in (one band
/// from the serial loop and the TPL, a band per task from the actors): combining the actors' answer is then O(tasks),
/// not a copy of every pixel into a fresh array on the job's serial tail (2 MB at the default size, whose first-touch
/// page faults alone cost ~5 ms on this VM). <see cref="Iterations"/> joins the bands, once, when it is first read.
/// Two images are equal when their pixels are, however they are banded.
/// </summary>
public sealed record MandelbrotImage
{
    private ImmutableArray<int> _joined;

    public MandelbrotImage(int width, int height, int maxIterations, ImmutableArray<int> iterations)
        : this(width, height, maxIterations, [iterations])
    {
    }

    public MandelbrotImage(int width, int height, int maxIterations, ImmutableArray<ImmutableArray<int>> bands)
    {
        (Width, Height, MaxIterations, Bands) = (width, height, maxIterations, bands);
        var pixels = 0L;
        foreach (var band in bands)
            pixels += band.Length;
        if (pixels != (long)width * height)
            throw new ArgumentException($"mandelbrot: the row bands hold {pixels} pixels, a {width}x{height} image {(long)width * height}", nameof(bands));
        if (bands.Length == 1)
            _joined = bands[0];
    }

    public int Width { get; }

    public int Height { get; }

    public int MaxIterations { get; }

    /// <summary>The row bands in order, as computed.</summary>
    public ImmutableArray<ImmutableArray<int>> Bands { get; }

    /// <summary>Every pixel's count, row-major (the bands joined on first read).</summary>
    public ImmutableArray<int> Iterations
    {
        get
        {
            if (_joined.IsDefault)
            {
                var pixels = new int[Width * Height];
                var at = 0;
                foreach (var band in Bands)
                {
                    band.AsSpan().CopyTo(pixels.AsSpan(at));
                    at += band.Length;
                }

                _joined = ImmutableCollectionsMarshal.AsImmutableArray(pixels);
            }

            return _joined;
        }
    }

    public bool Equals(MandelbrotImage? other) =>
        other is not null && Width == other.Width && Height == other.Height && MaxIterations == other.MaxIterations
        && Iterations.AsSpan().SequenceEqual(other.Iterations.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Width, Height, MaxIterations);

    /// <summary>Grey level of a pixel: black inside the set, brighter the faster it escapes.</summary>
    public byte Grey(int index) => (byte)(255 - (255L * Iterations[index] / MaxIterations));
}

/// <summary>The Mandelbrot set by row bands: a workload of very uneven task costs (load imbalance under static push).</summary>
public sealed class MandelbrotWorkload : Workload<MandelbrotTask, ImmutableArray<int>, MandelbrotImage>, IWireTypes
{
    public override string Name => "mandelbrot";

    public override string Description => "Mandelbrot set by row bands: very uneven task costs (try --mode push vs pull)";

    public override long DefaultSize => 700;

    /// <summary>Two rows a task: the last tasks, the ones that decide when the job ends, stay short (the TPL hands out single rows).</summary>
    public override int DefaultTasks => 350;

    public override string SizeUnit => "image width and height in pixels";

    public override IReadOnlyList<WorkloadOption> Options { get; } =
        [new("max-iter", "1000", "iteration limit per pixel")];

    public override void Validate(WorkloadParameters parameters)
    {
        base.Validate(parameters);
        if (parameters.Size > 20_000 || parameters.GetInt("max-iter", 1000) < 1)
            throw new WorkloadParameterException("mandelbrot: size must be at most 20000 and max-iter at least 1");
    }

    protected override IEnumerable<MandelbrotTask> Split(WorkloadParameters p)
    {
        var n = (int)p.Size;
        return Range64.Split(n, p.Tasks).Select(r => new MandelbrotTask(n, n, (int)r.Start, (int)r.End, p.GetInt("max-iter", 1000)));
    }

    protected override ImmutableArray<int> Execute(MandelbrotTask t)
    {
        var rows = new int[(t.EndRow - t.FirstRow) * t.Width];
        for (var y = t.FirstRow; y < t.EndRow; y++)
            Row(t, y, rows.AsSpan((y - t.FirstRow) * t.Width, t.Width));
        return ImmutableCollectionsMarshal.AsImmutableArray(rows);
    }

    protected override MandelbrotImage Combine(WorkloadParameters p, IReadOnlyList<ImmutableArray<int>> outputs)
    {
        // The bands as they came: no pixel is copied on the job's serial tail (see MandelbrotImage).
        return new MandelbrotImage((int)p.Size, (int)p.Size, p.GetInt("max-iter", 1000), [.. outputs]);
    }

    protected override MandelbrotImage Serial(WorkloadParameters p)
    {
        var n = (int)p.Size;
        var all = Execute(new MandelbrotTask(n, n, 0, n, p.GetInt("max-iter", 1000)));
        return new MandelbrotImage(n, n, p.GetInt("max-iter", 1000), all);
    }

    /// <summary>Shared memory: one image array, rows handed out dynamically by Parallel.For.</summary>
    protected override MandelbrotImage Tpl(WorkloadParameters p, int workers, CancellationToken ct)
    {
        var n = (int)p.Size;
        var task = new MandelbrotTask(n, n, 0, n, p.GetInt("max-iter", 1000));
        var pixels = new int[n * n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, y => Row(task, y, pixels.AsSpan(y * n, n)));
        return new MandelbrotImage(n, n, task.MaxIterations, ImmutableCollectionsMarshal.AsImmutableArray(pixels));
    }

    protected override string Describe(MandelbrotImage image) =>
        $"{image.Width}x{image.Height} image, {image.Iterations.Sum(i => (long)i)} iterations in total";

    protected override IReadOnlyDictionary<string, double> Values(MandelbrotImage image) => new Dictionary<string, double>
    {
        ["width"] = image.Width, ["height"] = image.Height, ["total_iterations"] = image.Iterations.Sum(i => (long)i),
    };

    protected override long EstimateBytes(ImmutableArray<int> output) => 16 + (output.Length * 4L);

    /// <summary>Tasks, row bands (iteration counts as varints: 1-2 bytes each, not 4) and the image travel between nodes.</summary>
    public void RegisterWireTypes(WireRegistry.Builder wire) => wire
        .Add("mb.task", static (w, t) =>
        {
            w.WriteInt32(t.Width);
            w.WriteInt32(t.Height);
            w.WriteInt32(t.FirstRow);
            w.WriteInt32(t.EndRow);
            w.WriteInt32(t.MaxIterations);
        }, static (ref WireReader r) => new MandelbrotTask(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32()))
        .Add("mb.rows", static (w, rows) => w.WriteInt32s(rows.AsSpan()),
            static (ref WireReader r) => ImmutableCollectionsMarshal.AsImmutableArray(r.ReadInt32s()))
        .Add("mb.image", static (w, m) =>
        {
            w.WriteInt32(m.Width);
            w.WriteInt32(m.Height);
            w.WriteInt32(m.MaxIterations);
            w.WriteInt32(m.Bands.Length);
            foreach (var band in m.Bands)
                w.WriteInt32s(band.AsSpan());
        }, static (ref WireReader r) =>
        {
            var (width, height, max, count) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
            if (count < 1 || count > height)
                throw new System.Runtime.Serialization.SerializationException($"mb.image: {count} row bands for an image {height} rows high");
            var bands = ImmutableArray.CreateBuilder<ImmutableArray<int>>(count);
            for (var i = 0; i < count; i++)
                bands.Add(ImmutableCollectionsMarshal.AsImmutableArray(r.ReadInt32s()));
            try
            {
                return new MandelbrotImage(width, height, max, bands.MoveToImmutable());
            }
            catch (ArgumentException e)
            {
                throw new System.Runtime.Serialization.SerializationException(e.Message, e);
            }
        });

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Row(MandelbrotTask t, int y, Span<int> row)
    {
        var ci = 1.25 - (2.5 * y / t.Height);
        for (var x = 0; x < t.Width; x++)
        {
            var cr = -2.1 + (2.8 * x / t.Width);
            double zr = 0, zi = 0;
            var i = 0;
            while (i < t.MaxIterations && (zr * zr) + (zi * zi) <= 4.0)
            {
                var next = (zr * zr) - (zi * zi) + cr;
                zi = (2 * zr * zi) + ci;
                zr = next;
                i++;
            }

            row[x] = i;
        }
    }
}
