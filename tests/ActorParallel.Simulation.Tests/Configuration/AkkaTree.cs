using System.Globalization;
using System.Text;
using ActorParallel.Configuration;
using AkkaArray = Akka.Configuration.Hocon.HoconArray;
using AkkaConfig = Akka.Configuration.Config;
using AkkaLiteral = Akka.Configuration.Hocon.HoconLiteral;
using AkkaObject = Akka.Configuration.Hocon.HoconObject;
using AkkaSubstitution = Akka.Configuration.Hocon.HoconSubstitution;
using AkkaValue = Akka.Configuration.Hocon.HoconValue;

namespace ActorParallel.Simulation.Tests.Configuration;

/// <summary>
/// A configuration tree as Akka.NET reads it, for comparing two trees key by key. Akka.NET keeps every scalar
/// as untyped text (an Akka HoconValue is a list of literals, arrays, objects and substitutions that its
/// getters concatenate, trim, and turn into null when the result is the text <c>null</c>), so a node is
/// an object, an array, a string (its <c>GetString()</c>), null, or "no value" (a key with nothing in it).
/// </summary>
internal abstract record AkkaTree
{
    private const int MaxDepth = 64;

    /// <summary>Akka's reading of <paramref name="config"/>'s root (fallbacks merged, as Akka's WithFallback merges roots).</summary>
    public static AkkaTree Of(AkkaConfig config) => Of(config.Root, 0);

    /// <summary>What Akka should read for a value of our resolved tree, as the HOCON spec means it.</summary>
    public static AkkaTree Of(HoconValue value) => value switch
    {
        HoconObject o => new Obj(o.Items.ToDictionary(p => p.Key, p => Of(p.Value), StringComparer.Ordinal)),
        HoconArray a => new Arr([.. a.Items.Select(Of)]),
        HoconLiteral { Type: HoconValueType.Null } => new Null(),
        HoconLiteral l => new Str(l.Value),
        _ => throw new InvalidOperationException($"unresolved value {value.GetType().Name} in a resolved tree"),
    };

    private static AkkaTree Of(AkkaValue value, int depth)
    {
        if (depth > MaxDepth)
        {
            // Akka resolves a self-reference (a = ${a} [2]) to the value that contains it: a cycle.
            throw new InvalidOperationException("Akka's tree is cyclic (a substitution resolved to a value that contains it)");
        }

        var elements = Expand(value, depth);
        if (elements.Count == 0)
        {
            return new NoValue();
        }

        if (value.IsObject())
        {
            return new Obj(value.GetObject().Items.ToDictionary(p => p.Key, p => Of(p.Value, depth + 1), StringComparer.Ordinal));
        }

        if (elements.Any(e => e is AkkaArray))
        {
            // Akka's GetArray concatenates every array element of the value and ignores the rest.
            return new Arr([.. elements.OfType<AkkaArray>().SelectMany(a => a).Select(v => Of(v, depth + 1))]);
        }

        if (elements.All(e => e is AkkaLiteral))
        {
            var s = value.GetString();
            return s is null ? new Null() : new Str(s);
        }

        return new Str("<mixed: " + string.Join(", ", elements.Select(e => e.GetType().Name)) + ">");
    }

    private static List<object> Expand(AkkaValue value, int depth)
    {
        var result = new List<object>();
        foreach (var element in value.Values)
        {
            if (element is AkkaSubstitution s)
            {
                if (depth > MaxDepth)
                {
                    throw new InvalidOperationException("Akka's tree is cyclic (a substitution resolved to a value that contains it)");
                }

                result.AddRange(Expand(s.ResolvedValue, depth + 1));
            }
            else
            {
                result.Add(element);
            }
        }

        return result;
    }

    /// <summary>The differences between <paramref name="expected"/> and <paramref name="actual"/>, one line each (path: expected vs actual).</summary>
    public static List<Difference> Differences(AkkaTree expected, AkkaTree actual)
    {
        var diffs = new List<Difference>();
        Compare("", expected, actual, diffs);
        return diffs;
    }

    /// <summary>Fails with every difference (path by path) unless the trees are identical.</summary>
    public static void AssertIdentical(AkkaTree expected, AkkaTree actual, string what)
    {
        var diffs = Differences(expected, actual);
        Assert.True(diffs.Count == 0, $"{what}: {diffs.Count} difference(s):\n" + string.Join("\n", diffs.Take(40)));
    }

    /// <summary>Number of literal leaves (strings and nulls), to show a comparison was not vacuous.</summary>
    public int Leaves => this switch
    {
        Obj o => o.Fields.Values.Sum(v => v.Leaves),
        Arr a => a.Items.Sum(v => v.Leaves),
        _ => 1,
    };

    private static void Compare(string path, AkkaTree expected, AkkaTree actual, List<Difference> diffs)
    {
        switch (expected, actual)
        {
            case (Obj e, Obj a):
                foreach (var key in e.Fields.Keys.Union(a.Fields.Keys).Order(StringComparer.Ordinal))
                {
                    var child = path.Length == 0 ? Key(key) : path + "." + Key(key);
                    if (!a.Fields.TryGetValue(key, out var av))
                    {
                        diffs.Add(new Difference(child, DifferenceKind.Missing, $"missing (expected {e.Fields[key]})"));
                    }
                    else if (!e.Fields.TryGetValue(key, out var ev))
                    {
                        diffs.Add(new Difference(child, DifferenceKind.Unexpected, $"unexpected {av}"));
                    }
                    else
                    {
                        Compare(child, ev, av, diffs);
                    }
                }

                break;
            case (Arr e, Arr a):
                if (e.Items.Count != a.Items.Count)
                {
                    diffs.Add(new Difference(path, DifferenceKind.Changed, $"expected {e.Items.Count} elements {e}, got {a.Items.Count} {a}"));
                    break;
                }

                for (var i = 0; i < e.Items.Count; i++)
                {
                    Compare(path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", e.Items[i], a.Items[i], diffs);
                }

                break;
            default:
                if (expected != actual)
                {
                    diffs.Add(new Difference(path, DifferenceKind.Changed, $"expected {expected}, got {actual}"));
                }

                break;
        }
    }

    private static string Key(string key) => key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? key : Quote(key);

    internal static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' || c > '~' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    public enum DifferenceKind
    {
        /// <summary>A key of the expected tree is missing.</summary>
        Missing,

        /// <summary>A key the expected tree lacks is there.</summary>
        Unexpected,

        /// <summary>A value differs (kind, text or array length).</summary>
        Changed,
    }

    /// <summary>One difference: where (a HOCON path, array elements as [i]) and what.</summary>
    public sealed record Difference(string Path, DifferenceKind Kind, string Message)
    {
        public override string ToString() => Path + ": " + Message;
    }

    public sealed record Obj(IReadOnlyDictionary<string, AkkaTree> Fields) : AkkaTree
    {
        public override string ToString() => "{" + string.Join(", ", Fields.Select(p => Key(p.Key) + ": " + p.Value)) + "}";
    }

    public sealed record Arr(IReadOnlyList<AkkaTree> Items) : AkkaTree
    {
        public override string ToString() => "[" + string.Join(", ", Items) + "]";
    }

    public sealed record Str(string Value) : AkkaTree
    {
        public override string ToString() => Quote(Value);
    }

    public sealed record Null : AkkaTree
    {
        public override string ToString() => "null";
    }

    /// <summary>A key whose Akka value holds nothing (Akka's parser leaves it so when it cannot read the value).</summary>
    public sealed record NoValue : AkkaTree
    {
        public override string ToString() => "<no value>";
    }
}
