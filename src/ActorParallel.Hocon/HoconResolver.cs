namespace ActorParallel.Configuration;

/// <summary>
/// Resolves substitutions against the document's own root, in place. Each unresolved node is
/// resolved at most once (its result is cached by identity, since a substitution path is absolute
/// and so means the same thing wherever the node is reached from). Self-references use the frames
/// that <see cref="Annotate(HoconObject, List{string}, SelfFrame?)"/> attaches: inside a definition
/// of path K, K means "K as defined before this definition".
/// </summary>
internal sealed class HoconResolver
{
    private const int MaxChain = 1000;

    private readonly HoconObject _root;
    private readonly bool _useEnvironment;
    // Nodes being resolved right now, innermost last (for cycle messages). Each node records its own
    // progress and result (HoconUnresolved.ResolveState): the parser gives every resolution fresh nodes.
    private readonly List<HoconValue> _active = [];

    // Containers whose children are being resolved carry a Filling flag (meeting one again means it
    // contains itself). A flag rather than a set of nodes: hashing every container in and out was
    // ~1.5% of a ParseString. A failed resolution leaves flags set, but its nodes are discarded
    // with it (each resolution works on fresh nodes, as ResolveState assumes).

    private HoconResolver(HoconObject root, bool useEnvironment)
    {
        _root = root;
        _useEnvironment = useEnvironment;
    }

    public static HoconObject Resolve(HoconObject root, bool useEnvironment, bool hasSubstitutions)
    {
        if (!hasSubstitutions)
        {
            return root;
        }

        Annotate(root, [], null);
        var resolver = new HoconResolver(root, useEnvironment);
        resolver.Full(root);
        return root;
    }

    /// <summary>Non-mutating merge: fields of <paramref name="top"/> win, objects merge recursively.</summary>
    internal static HoconObject MergeObjects(HoconObject top, HoconObject below)
    {
        var result = below.ShallowCopy();
        for (var i = 0; i < top.Count; i++)
        {
            var key = top.KeyAt(i);
            var value = top.GetAt(i);
            var existing = result.IndexOf(key);
            if (existing >= 0)
            {
                // Set would search again; SetAt does not track resolution, so do it here.
                var merged = MergeValues(value, result.GetAt(existing));
                result.SetAt(existing, merged);
                if (merged.NeedsResolution)
                {
                    result.NeedsResolution = true;
                }
            }
            else
            {
                result.Add(key, value);
            }
        }

        return result;
    }

    private static HoconValue MergeValues(HoconValue top, HoconValue below)
    {
        if (top is HoconObject topObject)
        {
            if (below is HoconObject belowObject)
            {
                return MergeObjects(topObject, belowObject);
            }

            return below.IsResolved ? top : HoconTextParser.Stack(top, below);
        }

        return top.IsResolved ? top : HoconTextParser.Stack(top, below);
    }

    private static void Annotate(HoconObject obj, List<string> path, SelfFrame? frames)
    {
        for (var i = 0; i < obj.Count; i++)
        {
            var value = obj.GetAt(i);
            if (!value.NeedsResolution)
            {
                continue;
            }

            path.Add(obj.KeyAt(i));
            AnnotateField(value, path, frames);
            path.RemoveAt(path.Count - 1);
        }
    }

    private static void AnnotateField(HoconValue value, List<string> path, SelfFrame? frames)
    {
        switch (value)
        {
            case HoconObject obj:
                Annotate(obj, path, frames);
                break;
            case HoconDelayedMerge merge:
                var key = path.ToArray();
                var stack = merge.Stack;
                for (var i = 0; i < stack.Count; i++)
                {
                    HoconValue? below = i + 1 >= stack.Count ? null
                        : i + 2 == stack.Count ? stack[i + 1]
                        : new HoconDelayedMerge(stack.GetRange(i + 1, stack.Count - i - 1));
                    AnnotateInner(stack[i], path, new SelfFrame(key, below, frames));
                }

                break;
            case HoconSubstitution or HoconConcatenation:
                // The frame matters only to a substitution whose path starts with this field's path
                // (Lookup and the cycle message skip every other frame): most substitutions refer
                // elsewhere, and the frame with its copy of the path was an allocation pair each.
                AnnotateInner(value, path, RefersInto(value, path) ? new SelfFrame(path.ToArray(), null, frames) : frames);
                break;
            case HoconArray:
                AnnotateInner(value, path, frames);
                break;
        }
    }

    /// <summary>Whether a substitution in <paramref name="value"/> may refer to <paramref name="path"/> or below it (true when unsure).</summary>
    private static bool RefersInto(HoconValue value, List<string> path)
    {
        if (!value.NeedsResolution)
        {
            return false;
        }

        switch (value)
        {
            case HoconSubstitution s:
                return StartsWith(s.Path, path);
            case HoconWhitespace:
                return false;
            case HoconConcatenation c:
                foreach (var piece in c.Pieces)
                {
                    if (RefersInto(piece, path))
                    {
                        return true;
                    }
                }

                return false;
            case HoconArray array:
                foreach (var item in array.Items)
                {
                    if (RefersInto(item, path))
                    {
                        return true;
                    }
                }

                return false;
            case HoconObject obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    if (RefersInto(obj.GetAt(i), path))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return true;
        }
    }

    private static bool StartsWith(string[] path, List<string> prefix)
    {
        if (prefix.Count > path.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Count; i++)
        {
            if (!string.Equals(prefix[i], path[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void AnnotateInner(HoconValue value, List<string> path, SelfFrame? frames)
    {
        switch (value)
        {
            case HoconSubstitution s:
                s.Frames = frames;
                break;
            case HoconConcatenation c:
                foreach (var piece in c.Pieces)
                {
                    AnnotateInner(piece, path, frames);
                }

                break;
            case HoconArray array:
                foreach (var item in array.Items)
                {
                    AnnotateInner(item, path, frames);
                }

                break;
            case HoconObject obj:
                Annotate(obj, path, frames);
                break;
            case HoconDelayedMerge:
                AnnotateField(value, path, frames);
                break;
        }
    }

    /// <summary>Resolves everything below a value whose top level is resolved; returns the value.</summary>
    private HoconValue Full(HoconValue value, HoconValue? via = null)
    {
        if (value is HoconObject obj)
        {
            if (obj.FullyResolved || !obj.NeedsResolution)
            {
                return obj;
            }

            if (obj.Filling)
            {
                throw CycleThrough(obj, via);
            }

            obj.Filling = true;
            List<string>? missing = null;
            for (var i = 0; i < obj.Count; i++)
            {
                var child = obj.GetAt(i);
                if (!child.NeedsResolution)
                {
                    continue;
                }

                var resolved = Shallow(child);
                if (resolved is null)
                {
                    (missing ??= []).Add(obj.KeyAt(i));
                    continue;
                }

                resolved = Full(resolved, child);
                if (!ReferenceEquals(resolved, child))
                {
                    obj.SetAt(i, resolved);
                }
            }

            if (missing is not null)
            {
                foreach (var key in missing)
                {
                    obj.Remove(key);
                }
            }

            obj.FullyResolved = true;
            obj.NeedsResolution = false;
            obj.Filling = false;
            return obj;
        }

        if (value is HoconArray array)
        {
            if (array.FullyResolved || !array.NeedsResolution)
            {
                return array;
            }

            if (array.Filling)
            {
                throw CycleThrough(array, via);
            }

            array.Filling = true;
            var items = array.MutableItems;
            for (var i = items.Count - 1; i >= 0; i--)
            {
                if (!items[i].NeedsResolution)
                {
                    continue;
                }

                var resolved = Shallow(items[i]);
                if (resolved is null)
                {
                    items.RemoveAt(i);
                }
                else
                {
                    items[i] = Full(resolved, items[i]);
                }
            }

            array.FullyResolved = true;
            array.NeedsResolution = false;
            array.Filling = false;
        }

        return value;
    }

    private static HoconConfigException CycleThrough(HoconValue container, HoconValue? via)
    {
        var culprit = via is HoconSubstitution s ? s.Display : "a substitution";
        return HoconTextParser.ErrorAt(
            via?.Origin ?? container.Origin,
            $"substitution cycle: {culprit} refers to a value that contains it (the value at {container.Origin})",
            "a value cannot include itself; refer to a sibling or to an earlier definition instead");
    }

    /// <summary>Resolves the top level of a node: the result is an object, array or literal (children may be unresolved), or null for "missing".</summary>
    private HoconValue? Shallow(HoconValue value)
    {
        if (value is not HoconUnresolved node)
        {
            return value;
        }

        if (node.ResolveState == 2)
        {
            return node.Resolved;
        }

        if (node.ResolveState == 1)
        {
            throw CycleError(value);
        }

        node.ResolveState = 1;
        _active.Add(value);
        if (_active.Count > MaxChain)
        {
            throw HoconTextParser.ErrorAt(value.Origin, $"substitutions nested more than {MaxChain} deep", "shorten the chain of substitutions");
        }

        HoconValue? result;
        try
        {
            result = value switch
            {
                HoconSubstitution s => ResolveSubstitution(s),
                HoconConcatenation c => ResolveConcatenation(c),
                HoconDelayedMerge m => ResolveMerge(m),
                _ => value,
            };
        }
        catch
        {
            node.ResolveState = 0;
            throw;
        }
        finally
        {
            _active.RemoveAt(_active.Count - 1);
        }

        node.Resolved = result;
        node.ResolveState = 2;
        return result;
    }

    private HoconConfigException CycleError(HoconValue value)
    {
        var start = _active.IndexOf(value);
        var chain = _active.Skip(start).Append(value).OfType<HoconSubstitution>()
            .Select(s => $"{s.Display} at {s.Origin}");
        return HoconTextParser.ErrorAt(
            value.Origin,
            "substitution cycle: " + string.Join(" -> ", chain),
            "break the cycle so that no value depends on itself (to extend a value, a self-reference such as a = ${a} [x] must follow an earlier definition of a)");
    }

    private HoconValue? ResolveSubstitution(HoconSubstitution s)
    {
        if (Lookup(s.Path, s.Frames, out var found))
        {
            return found;
        }

        if (s.PrefixLength > 0 && Lookup(s.Path[s.PrefixLength..], s.Frames, out found))
        {
            return found;
        }

        var name = string.Join('.', s.Path[s.PrefixLength..]);
        if (_useEnvironment && Environment.GetEnvironmentVariable(name) is { } env)
        {
            return new HoconLiteral(env, HoconValueType.String, s.Origin);
        }

        if (s.Optional)
        {
            return null;
        }

        var rendered = HoconPath.Render(s.Path.AsSpan(s.PrefixLength));
        for (var frame = s.Frames; frame is not null; frame = frame.Outer)
        {
            if (frame.Below is null && IsPrefix(frame.Path, s.Path) && frame.Path.Length == s.Path.Length)
            {
                throw HoconTextParser.ErrorAt(
                    s.Origin,
                    $"substitution cycle: {s.Display} refers to the field it defines, and '{rendered}' has no earlier definition to refer to",
                    $"define '{rendered}' before this line, or write ${{?{rendered}}} to allow it to be undefined");
            }
        }

        throw HoconTextParser.ErrorAt(
            s.Origin,
            $"could not resolve substitution {s.Display}: no value at path '{rendered}'"
                + (_useEnvironment ? $" and no environment variable '{name}'" : " (environment variables are switched off)"),
            $"define '{rendered}' in the configuration, write ${{?{rendered}}} if the value is optional"
                + (_useEnvironment ? ", or set the environment variable" : string.Empty));
    }

    private bool Lookup(string[] path, SelfFrame? frames, out HoconValue? found)
    {
        found = null;
        var frame = frames;
        while (frame is not null && !IsPrefix(frame.Path, path))
        {
            frame = frame.Outer;
        }

        HoconValue? node = _root;
        for (var i = 0; i < path.Length; i++)
        {
            if (node is not HoconObject obj || !obj.TryGetValue(path[i], out var child))
            {
                return false;
            }

            if (frame is not null && i == frame.Path.Length - 1)
            {
                if (frame.Below is null)
                {
                    return false;
                }

                child = frame.Below;
            }

            node = Shallow(child);
            if (node is null)
            {
                return false;
            }
        }

        found = node;
        return true;
    }

    private static bool IsPrefix(string[] prefix, string[] path)
    {
        if (prefix.Length > path.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (!string.Equals(prefix[i], path[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private HoconValue? ResolveConcatenation(HoconConcatenation c)
    {
        var pieces = new List<HoconValue>(c.Pieces.Count);
        var any = false;
        foreach (var piece in c.Pieces)
        {
            if (piece is HoconWhitespace)
            {
                pieces.Add(piece);
                continue;
            }

            var resolved = Shallow(piece);
            if (resolved is not null)
            {
                pieces.Add(resolved);
                any = true;
            }
        }

        // Lightbend keeps the whitespace even when every value around it is missing: "${?x} ${?y}" is " ".
        return any || pieces.Count > 0 ? HoconTextParser.Concatenate(pieces, c.Origin, resolved: true) : null;
    }

    private HoconValue? ResolveMerge(HoconDelayedMerge m)
    {
        HoconObject? merged = null;
        foreach (var item in m.Stack)
        {
            var resolved = Shallow(item);
            if (resolved is null)
            {
                continue;
            }

            if (resolved is not HoconObject obj)
            {
                return merged ?? resolved;
            }

            merged = merged is null ? obj : MergeObjects(merged, obj);
        }

        return merged;
    }
}
