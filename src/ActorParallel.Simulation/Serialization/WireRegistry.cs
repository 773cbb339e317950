using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ActorParallel.Simulation.Serialization;

/// <summary>
/// The types the lab serializer may write and read, each with its manifest (a short stable name, the same on every
/// node) and its codec. Only these are ever deserialized. Built once with a <see cref="Builder"/>, then immutable and
/// safe to share between threads. <see cref="LabWire.Default"/> is the lab's.
/// </summary>
public sealed class WireRegistry
{
    private readonly FrozenDictionary<Type, Entry> _byType;
    private readonly FrozenDictionary<string, Entry> _byManifest;

    private WireRegistry(IEnumerable<Entry> entries)
    {
        _byType = entries.ToFrozenDictionary(e => e.Type);
        _byManifest = entries.ToFrozenDictionary(e => e.Manifest, StringComparer.Ordinal);
    }

    /// <summary>The registered types, by manifest.</summary>
    public IReadOnlyDictionary<string, Type> Types => _byManifest.ToDictionary(e => e.Key, e => e.Value.Type, StringComparer.Ordinal);

    /// <summary>
    /// The registered types that may be sent on their own and so are bound to the serializer: all but those of
    /// System.* (primitives, immutable arrays), which travel only inside messages and which Akka binds itself.
    /// </summary>
    public IReadOnlyList<Type> MessageTypes =>
        [.. _byType.Keys.Where(t => t.Namespace is not { } ns || !(ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)))];

    /// <summary>The entry of exactly <paramref name="type"/> (not a base type), or null.</summary>
    public Entry? Find(Type type) => _byType.GetValueOrDefault(type);

    public bool TryGet(string manifest, [MaybeNullWhen(false)] out Entry entry) => _byManifest.TryGetValue(manifest, out entry);

    /// <summary>One registered type: its manifest and its codec, with the type erased.</summary>
    public sealed class Entry(Type type, string manifest, Action<WireWriter, object> write, WireRead<object> read)
    {
        public Type Type { get; } = type;

        public string Manifest { get; } = manifest;

        internal Action<WireWriter, object> Write { get; } = write;

        internal WireRead<object> Read { get; } = read;
    }

    /// <summary>Collects registrations; a type or a manifest registered twice is an error, caught when the lab starts.</summary>
    public sealed class Builder
    {
        /// <summary>Manifests are short: they travel with every message (and once per message for each payload type).</summary>
        public const int MaxManifestLength = 24;

        private readonly List<Entry> _entries = [];

        /// <summary>
        /// Registers <typeparamref name="T"/> (exactly that type) under <paramref name="manifest"/>: printable ASCII,
        /// at most <see cref="MaxManifestLength"/> characters, never reused for another type (nodes that disagree on
        /// it would misread each other). <paramref name="read"/> must read what <paramref name="write"/> wrote, field
        /// by field, and build a value equal to the one written.
        /// </summary>
        public Builder Add<T>(string manifest, Action<WireWriter, T> write, WireRead<T> read)
            where T : notnull
        {
            ArgumentNullException.ThrowIfNull(manifest);
            ArgumentNullException.ThrowIfNull(write);
            ArgumentNullException.ThrowIfNull(read);
            if (manifest.Length is 0 or > MaxManifestLength || manifest.Any(c => c is < '!' or > '~'))
                throw new ArgumentException($"wire manifest '{manifest}' for {typeof(T).Name}: use 1 to {MaxManifestLength} printable ASCII characters, no spaces", nameof(manifest));
            if (typeof(T).IsAbstract || typeof(T).IsInterface)
                throw new ArgumentException($"wire type {typeof(T).Name}: register concrete types; values are looked up by their exact type", nameof(write));
            if (_entries.Find(e => e.Manifest == manifest) is { } sameManifest)
                throw new ArgumentException($"wire manifest '{manifest}' is registered twice: for {sameManifest.Type.FullName} and {typeof(T).FullName}", nameof(manifest));
            if (_entries.Find(e => e.Type == typeof(T)) is { } sameType)
                throw new ArgumentException($"wire type {typeof(T).FullName} is registered twice: as '{sameType.Manifest}' and '{manifest}'", nameof(manifest));
            _entries.Add(new Entry(typeof(T), manifest, (w, o) => write(w, (T)o), (ref WireReader r) => read(ref r)));
            return this;
        }

        public WireRegistry Build() => new(_entries);
    }
}
