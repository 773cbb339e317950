using System.Collections.Concurrent;
using ActorParallel.Actor;
using ActorParallel.Configuration;
using ActorParallel.Event;

namespace ActorParallel.Serialization;

/// <summary>
/// Finds serializers for messages and deserializes bytes. Serializers are named in
/// <c>actorparallel.actor.serializers</c>, bound to types in <c>serialization-bindings</c> (most specific
/// type wins) and identified by <c>serialization-identifiers</c>. Deserialization is allow-listed: a
/// manifest is honoured only for built-in types and types covered by a binding other than
/// <c>System.Object</c> (or registered with <see cref="AddSerializationMap"/>); anything else is rejected.
/// </summary>
public sealed class Serialization
{
    private readonly ExtendedActorSystem _system;
    private readonly Dictionary<string, Serializer> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, Serializer> _byId = new();
    private readonly List<(Type Type, Serializer Serializer)> _bindings = [];
    private readonly ConcurrentDictionary<Type, Serializer> _cache = new();
    private readonly ConcurrentDictionary<Type, bool> _allowed = new();
    private readonly ConcurrentDictionary<string, Type?> _manifests = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Types any system may deserialize without a binding.</summary>
    private static readonly HashSet<Type> BuiltIn =
    [
        typeof(string), typeof(byte[]), typeof(bool), typeof(char), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort),
        typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal),
        typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Identify), typeof(ActorIdentity),
    ];

    public Serialization(ExtendedActorSystem system)
    {
        _system = system;
        var config = system.Settings.Config.GetConfig("actorparallel.actor");
        foreach (var (name, value) in config.GetConfig("serializers").AsEnumerable())
        {
            var typeName = value.GetString() ?? string.Empty;
            AddSerializer(name, Instantiate(name, typeName));
        }

        foreach (var (typeName, value) in config.GetConfig("serialization-bindings").AsEnumerable())
        {
            var serializerName = value.GetString() ?? string.Empty;
            var type = ResolveType(typeName);
            if (type is null)
            {
                // A binding for a type from an assembly that is not loaded is harmless: nothing can use it.
                continue;
            }

            if (!_byName.TryGetValue(serializerName, out var serializer))
            {
                throw new ConfigurationException(
                    $"'actorparallel.actor.serialization-bindings.\"{typeName}\" = {serializerName}': no serializer named [{serializerName}] " +
                    $"in 'actorparallel.actor.serializers' (known: {string.Join(", ", _byName.Keys)}).");
            }

            _bindings.Add((type, serializer));
        }
    }

    internal static int IdentifierFor(ExtendedActorSystem system, Type serializerType)
    {
        var ids = system.Settings.Config.GetConfig("actorparallel.actor.serialization-identifiers");
        foreach (var (key, value) in ids.AsEnumerable())
        {
            if (key == serializerType.FullName || ResolveType(key) == serializerType)
            {
                return value.GetInt();
            }
        }

        throw new ConfigurationException(
            $"Serializer {serializerType} has no id: add '\"{serializerType.FullName}, {serializerType.Assembly.GetName().Name}\" = <id>' " +
            "to 'actorparallel.actor.serialization-identifiers' (ids 1-100 are reserved) or override Identifier.");
    }

    /// <summary>Registers a serializer under a name (and its identifier).</summary>
    public void AddSerializer(string name, Serializer serializer)
    {
        lock (_gate)
        {
            _byName[name] = serializer;
            _byId[serializer.Identifier] = serializer;
        }
    }

    /// <summary>Binds <paramref name="type"/> (and its subtypes) to <paramref name="serializer"/>; also allows deserializing them.</summary>
    public void AddSerializationMap(Type type, Serializer serializer)
    {
        lock (_gate)
        {
            _bindings.Add((type, serializer));
            _byId[serializer.Identifier] = serializer;
            _cache.Clear();
            _allowed.Clear();
        }
    }

    public Serializer GetSerializerById(int serializerId) =>
        _byId.TryGetValue(serializerId, out var serializer)
            ? serializer
            : throw new SerializationException($"No serializer with id {serializerId}; configure it in 'actorparallel.actor.serializers'.");

    public Serializer FindSerializerFor(object? obj, string? defaultSerializerName = null) =>
        obj is null ? _byName["bytes"] : FindSerializerForType(obj.GetType(), defaultSerializerName);

    /// <summary>The serializer bound to the most specific base type or interface of <paramref name="objectType"/>.</summary>
    public Serializer FindSerializerForType(Type objectType, string? defaultSerializerName = null) =>
        _cache.GetOrAdd(objectType, type =>
        {
            lock (_gate)
            {
                var candidates = _bindings.Where(b => b.Type.IsAssignableFrom(type)).ToList();
                var best = candidates.FirstOrDefault(c => !candidates.Any(o => o.Type != c.Type && c.Type.IsAssignableFrom(o.Type)));
                if (best.Serializer is not null)
                {
                    return best.Serializer;
                }

                if (defaultSerializerName is not null && _byName.TryGetValue(defaultSerializerName, out var fallback))
                {
                    return fallback;
                }

                throw new SerializationException(
                    $"No serializer bound for {type}: add it to 'actorparallel.actor.serialization-bindings'.");
            }
        });

    public byte[] Serialize(object o) => FindSerializerFor(o).ToBinary(o);

    /// <summary>The manifest to send with <paramref name="message"/> for <paramref name="serializer"/> (empty if none needed).</summary>
    public static string ManifestFor(Serializer serializer, object message) => serializer switch
    {
        SerializerWithStringManifest withManifest => withManifest.Manifest(message),
        { IncludeManifest: true } => TypeManifest(message.GetType()),
        _ => string.Empty,
    };

    /// <summary>"Namespace.Type, Assembly": the type name used as manifest.</summary>
    public static string TypeManifest(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public object Deserialize(byte[] bytes, int serializerId, Type? type)
    {
        var serializer = GetSerializerById(serializerId);
        if (type is not null)
        {
            EnsureAllowed(type, serializer);
        }

        return serializer.FromBinary(bytes, type);
    }

    /// <summary>Deserializes with a manifest; a type the configuration does not allow is rejected before any parsing.</summary>
    public object Deserialize(byte[] bytes, int serializerId, string manifest)
    {
        var serializer = GetSerializerById(serializerId);
        if (serializer is SerializerWithStringManifest withManifest)
        {
            return withManifest.FromBinary(bytes, manifest);
        }

        if (string.IsNullOrEmpty(manifest))
        {
            return serializer.FromBinary(bytes, null);
        }

        var type = _manifests.GetOrAdd(manifest, ResolveType)
            ?? throw new SerializationException($"Cannot deserialize: manifest [{manifest}] names no loaded type.");
        EnsureAllowed(type, serializer);
        return serializer.FromBinary(bytes, type);
    }

    /// <summary>True if bytes may be turned into <paramref name="type"/>.</summary>
    public bool IsAllowed(Type type) => _allowed.GetOrAdd(type, t =>
    {
        if (BuiltIn.Contains(t) || t.IsEnum)
        {
            return true;
        }

        lock (_gate)
        {
            return _bindings.Any(b => b.Type != typeof(object) && b.Type.IsAssignableFrom(t));
        }
    });

    private void EnsureAllowed(Type type, Serializer serializer)
    {
        if (!IsAllowed(type))
        {
            throw new SerializationException(
                $"Deserialization of [{type}] with serializer {serializer.GetType().Name} is not allowed: only types bound in " +
                "'actorparallel.actor.serialization-bindings' (other than System.Object) or registered with AddSerializationMap may be deserialized.");
        }
    }

    /// <summary>
    /// <c>serialize-messages = on</c>: sends a local message through serialization and back, as a remote
    /// message would travel. Throws <see cref="SerializationException"/> if it cannot.
    /// </summary>
    internal object RoundTrip(object message, IActorRef recipient, IActorRef sender)
    {
        if (message is INoSerializationVerificationNeeded or IAutoReceivedMessage or LogEvent or AllDeadLetters
            or Dispatch.SysMsg.ISystemMessage)
        {
            return message;
        }

        try
        {
            var serializer = FindSerializerFor(message);
            var bytes = serializer.ToBinary(message);
            return Deserialize(bytes, serializer.Identifier, ManifestFor(serializer, message));
        }
        catch (Exception cause)
        {
            throw new SerializationException(
                $"Failed to serialize and deserialize message of type [{message.GetType()}] to {recipient} from {sender}.", cause);
        }
    }

    /// <summary>
    /// <c>serialize-creators = on</c>: round-trips every constructor argument of <paramref name="props"/> through
    /// serialization before the actor is created, so props that could not travel to a remote node fail early.
    /// </summary>
    internal void VerifyCreator(Props props, string path)
    {
        foreach (var argument in props.Arguments)
        {
            if (argument is null or INoSerializationVerificationNeeded)
            {
                continue;
            }

            try
            {
                var serializer = FindSerializerFor(argument);
                Deserialize(serializer.ToBinary(argument), serializer.Identifier, ManifestFor(serializer, argument));
            }
            catch (Exception cause)
            {
                throw new ArgumentException(
                    $"Pre-creation serialization check failed at [{path}]: constructor argument of type [{argument.GetType()}] " +
                    "cannot be serialized (actorparallel.actor.serialize-creators = on). Make it serializable, mark it " +
                    "INoSerializationVerificationNeeded, or turn serialize-creators off.", nameof(props), cause);
            }
        }
    }

    private Serializer Instantiate(string name, string typeName)
    {
        var type = ResolveType(typeName) ?? throw new ConfigurationException(
            $"'actorparallel.actor.serializers.{name} = {typeName}': no such type.");
        if (!typeof(Serializer).IsAssignableFrom(type))
        {
            throw new ConfigurationException($"'actorparallel.actor.serializers.{name} = {typeName}': not a Serializer.");
        }

        try
        {
            return (Serializer)Activator.CreateInstance(type, _system)!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new ConfigurationException($"'actorparallel.actor.serializers.{name}': {e.InnerException.Message}", e.InnerException);
        }
    }

    private static Type? ResolveType(string typeName)
    {
        try
        {
            return Type.GetType(typeName, throwOnError: false);
        }
        catch (Exception e) when (e is ArgumentException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }
}
