namespace ActorParallel.Configuration;

/// <summary>Base of the nodes that exist only between parsing and resolution.</summary>
internal abstract class HoconUnresolved : HoconValue
{
    protected HoconUnresolved(HoconOrigin origin)
        : base(origin, needsResolution: true)
    {
    }

    internal override bool IsResolved => false;

    /// <summary>Resolution progress: 0 not started, 1 in progress (meeting it again is a cycle), 2 done.</summary>
    internal byte ResolveState { get; set; }

    /// <summary>The resolved value once <see cref="ResolveState"/> is 2 (null: an optional substitution that is undefined).</summary>
    internal HoconValue? Resolved { get; set; }

    public override HoconValueType Type
        => throw new HoconConfigException(
            $"{Origin}: the value is not resolved yet. Read configuration through HoconConfigFactory (ParseString, ParseFile), which resolves substitutions.",
            Origin);
}

/// <summary>A self-reference frame: while resolving a definition of <see cref="Path"/>, that path means <see cref="Below"/>.</summary>
internal sealed record SelfFrame(string[] Path, HoconValue? Below, SelfFrame? Outer);

/// <summary><c>${path}</c> or <c>${?path}</c>.</summary>
internal sealed class HoconSubstitution : HoconUnresolved
{
    public HoconSubstitution(string[] path, bool optional, int prefixLength, HoconOrigin origin)
        : base(origin)
    {
        Path = path;
        Optional = optional;
        PrefixLength = prefixLength;
    }

    /// <summary>The full path from the root (include prefix already applied).</summary>
    public string[] Path { get; }

    public bool Optional { get; }

    /// <summary>How many leading segments came from the include point; if the full path is not found, the rest is tried from the root.</summary>
    public int PrefixLength { get; }

    /// <summary>Self-reference frames, innermost first (set after parsing).</summary>
    public SelfFrame? Frames { get; set; }

    public string Display => "${" + (Optional ? "?" : string.Empty) + HoconPath.Render(Path.AsSpan(PrefixLength)) + "}";

    public HoconSubstitution WithPrefix(string[] prefix)
    {
        if (prefix.Length == 0)
        {
            return new HoconSubstitution(Path, Optional, PrefixLength, Origin);
        }

        return new HoconSubstitution([.. prefix, .. Path], Optional, PrefixLength + prefix.Length, Origin);
    }
}

/// <summary>A value concatenation that could not be folded at parse time because it holds substitutions.</summary>
internal sealed class HoconConcatenation : HoconUnresolved
{
    public HoconConcatenation(List<HoconValue> pieces, HoconOrigin origin)
        : base(origin)
    {
        Pieces = pieces;
    }

    /// <summary>Values and <see cref="HoconWhitespace"/> between them.</summary>
    public List<HoconValue> Pieces { get; }
}

/// <summary>Whitespace between two pieces of a concatenation; it counts only when strings are joined.</summary>
internal sealed class HoconWhitespace : HoconUnresolved
{
    public HoconWhitespace(string text, HoconOrigin origin)
        : base(origin)
    {
        Text = text;
    }

    public string Text { get; }
}

/// <summary>
/// Several definitions of one field that cannot be merged before resolution: <see cref="Stack"/>[0] is
/// the last (winning) definition. Objects merge downwards until a non-object is met.
/// </summary>
internal sealed class HoconDelayedMerge : HoconUnresolved
{
    public HoconDelayedMerge(List<HoconValue> stack)
        : base(stack[0].Origin)
    {
        Stack = stack;
    }

    public List<HoconValue> Stack { get; }
}
