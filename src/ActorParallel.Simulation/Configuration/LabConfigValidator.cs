using ActorParallel.Configuration;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Configuration;

/// <summary>
/// Strictness for our own root: every key a user writes under <c>actorparallel</c> must be one of ours
/// (hocon/reference/lab.conf, the registered workloads and their declared options), so that a typo such as
/// <c>wrkers = 4</c> fails with its file:line:column, the key and the nearest valid key instead of being silently
/// ignored. Akka.NET's own <c>akka.*</c> keys are left to Akka, which reads what it knows. Only the user's file is
/// checked, not the reference it falls back to.
/// </summary>
public static class LabConfigValidator
{
    /// <summary>Our root: nothing of ours lives anywhere else, and nothing of Akka.NET's lives here.</summary>
    public const string Root = "actorparallel";

    /// <summary>The sections directly under <see cref="Root"/>.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["lab"];

    /// <summary>Keys a workload section always has, beside the workload's own options.</summary>
    public static IReadOnlyList<string> WorkloadKeys { get; } = ["size", "tasks"];

    /// <summary>Throws a located <see cref="HoconConfigException"/> for the first key under <see cref="Root"/> that is not ours.</summary>
    public static void Validate(HoconConfig user, HoconConfig reference, WorkloadRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(registry);
        if (user.Root is not HoconObject root || !root.TryGetValue(Root, out var ours))
            return;

        var top = ExpectObject(ours, Root);
        foreach (var (key, value) in top.Items)
        {
            if (!Sections.Contains(key, StringComparer.Ordinal))
                throw Unknown(value, Root, key, Sections);
        }

        if (!top.TryGetValue("lab", out var labValue))
            return;
        var lab = ExpectObject(labValue, SimulationSettings.Section);
        var known = reference.GetValue(SimulationSettings.Section) is HoconObject r ? r.Keys : [];
        foreach (var (key, value) in lab.Items)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
                throw Unknown(value, SimulationSettings.Section, key, known);
        }

        if (lab.TryGetValue("workloads", out var workloadsValue))
            ValidateWorkloads(ExpectObject(workloadsValue, $"{SimulationSettings.Section}.workloads"), registry);
    }

    private static void ValidateWorkloads(HoconObject workloads, WorkloadRegistry registry)
    {
        var parent = $"{SimulationSettings.Section}.workloads";
        foreach (var (name, value) in workloads.Items)
        {
            if (!registry.TryGet(name, out var workload))
                throw Unknown(value, parent, name, [.. registry.Names], what: "workload");
            if (value.Type == HoconValueType.Null)
                continue;
            var body = ExpectObject(value, $"{parent}.{HoconKey(name)}");
            var allowed = WorkloadKeys.Concat(workload.Options.Select(o => o.Name)).ToList();
            foreach (var (key, setting) in body.Items)
            {
                if (!allowed.Contains(key, StringComparer.OrdinalIgnoreCase))
                    throw Unknown(setting, $"{parent}.{HoconKey(name)}", key, allowed, what: $"setting of workload {workload.Name}");
            }
        }
    }

    private static HoconObject ExpectObject(HoconValue value, string path) =>
        value as HoconObject
        ?? throw new HoconConfigException($"{value.Origin}: {path} must be an object (a section in braces), not {value.Type.ToString().ToLowerInvariant()}. Fix: write {path} {{ ... }}.");

    private static HoconConfigException Unknown(HoconValue value, string parent, string key, IReadOnlyCollection<string> valid, string what = "setting")
    {
        var path = $"{parent}.{HoconKey(key)}";
        var nearest = Nearest(key, valid);
        var hint = nearest is null
            ? $"{parent} takes no keys"
            : $"did you mean {parent}.{HoconKey(nearest)}? Valid keys here: {string.Join(", ", valid.Order(StringComparer.Ordinal))}";
        return new HoconConfigException(
            $"{value.Origin}: unknown {what} {path}; {hint}. Fix: correct or remove the key (every key of ours is described in hocon/reference/lab.conf).");
    }

    /// <summary>The valid key closest to <paramref name="key"/> by edit distance (ties: the first in order), or null if there is none.</summary>
    public static string? Nearest(string key, IEnumerable<string> valid)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(valid);
        return valid.Order(StringComparer.Ordinal)
            .Select(v => (Key: v, Distance: EditDistance(key.ToLowerInvariant(), v.ToLowerInvariant())))
            .OrderBy(p => p.Distance)
            .Select(p => p.Key)
            .FirstOrDefault();
    }

    /// <summary>Levenshtein distance (insertions, deletions and substitutions each cost 1).</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>A key as it is written in a HOCON path: bare when it can be, quoted otherwise.</summary>
    internal static string HoconKey(string key) => key.All(c => char.IsLetterOrDigit(c) || c is '-' or '_') ? key : $"\"{key}\"";
}
