using System.Text.Json;
using System.Text.Json.Serialization;
using ActorParallel.Actor;

namespace ActorParallel.Serialization;

/// <summary>
/// The default serializer: System.Text.Json with the message's type name as manifest. Actor
/// references are written as their path (with UID) and resolved through the system on the way back.
/// </summary>
public sealed class SystemTextJsonSerializer : Serializer
{
    private readonly JsonSerializerOptions _options;

    public SystemTextJsonSerializer(ExtendedActorSystem system)
        : base(system)
    {
        _options = new JsonSerializerOptions
        {
            IncludeFields = true,
            Converters = { new ActorRefConverter(system) },
        };
    }

    public override bool IncludeManifest => true;

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), _options);

    public override object FromBinary(byte[] bytes, Type? type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return JsonSerializer.Deserialize(bytes, type, _options)
            ?? throw new SerializationException($"JSON for {type} deserialized to null.");
    }

    /// <summary>Writes references as their serialization path; reads them back through the provider.</summary>
    private sealed class ActorRefConverter(ExtendedActorSystem system) : JsonConverter<IActorRef>
    {
        public override bool CanConvert(Type typeToConvert) => typeof(IActorRef).IsAssignableFrom(typeToConvert);

        public override IActorRef? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var path = reader.GetString();
            return string.IsNullOrEmpty(path) ? ActorRefs.NoSender : system.Provider.ResolveActorRef(path);
        }

        public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value is Nobody ? string.Empty : value.Path.ToSerializationFormatWithAddress(system.Provider.DefaultAddress));
    }
}
