using System.Text;
using ActorParallel.Actor;
using ActorParallel.Configuration;
using ActorParallel.Serialization;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

public interface ISpecMessage;

public sealed record Order(string Item, int Quantity, IActorRef ReplyTo) : ISpecMessage;

public sealed record Unregistered(string Secret);

public sealed class SerializationSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit("""
    actorparallel.actor.serialize-messages = on
    actorparallel.actor.serialization-bindings {
      "ActorParallel.Tests.ISpecMessage, ActorParallel.Tests" = json
    }
    """, output)
{
    private Serialization.Serialization Serialization => Sys.Serialization;

    [Fact]
    public void Bound_messages_round_trip_locally_with_serialize_messages_on()
    {
        var echo = Sys.ActorOf<EchoActor>();
        var order = new Order("book", 2, TestActor);
        echo.Tell(order);
        var received = ExpectMsg<Order>();
        Assert.Equal(order, received);
        Assert.NotSame(order, received);
    }

    [Fact]
    public void Unregistered_types_are_rejected_with_serialize_messages_on()
    {
        var echo = Sys.ActorOf<EchoActor>();
        Assert.Throws<SerializationException>(() => echo.Tell(new Unregistered("x"), TestActor));
    }

    [Fact]
    public void Primitive_and_string_messages_pass()
    {
        var echo = Sys.ActorOf<EchoActor>();
        echo.Tell("text");
        ExpectMsg("text");
        echo.Tell(42);
        ExpectMsg(42);
    }

    [Fact]
    public void A_manifest_naming_a_type_without_binding_is_rejected_before_parsing()
    {
        var json = Serialization.FindSerializerFor(new Order("x", 1, TestActor));
        var bytes = Encoding.UTF8.GetBytes("{\"Secret\":\"x\"}");
        var error = Assert.Throws<SerializationException>(() =>
            Serialization.Deserialize(bytes, json.Identifier, "ActorParallel.Tests.Unregistered, ActorParallel.Tests"));
        Assert.Contains("not allowed", error.Message, StringComparison.Ordinal);
        Assert.Throws<SerializationException>(() =>
            Serialization.Deserialize(bytes, json.Identifier, "System.Diagnostics.Process, System.Diagnostics.Process"));
    }

    [Fact]
    public void Most_specific_binding_wins_and_bytes_use_the_byte_array_serializer()
    {
        Assert.IsType<ByteArraySerializer>(Serialization.FindSerializerFor(new byte[] { 1, 2 }));
        Assert.IsType<SystemTextJsonSerializer>(Serialization.FindSerializerFor(new Order("x", 1, TestActor)));
        Assert.Equal(4, Serialization.FindSerializerFor(new byte[] { 1 }).Identifier);
        Assert.Equal(1, Serialization.FindSerializerFor("x").Identifier);
    }

    [Fact]
    public void Custom_string_manifest_serializers_register_in_config()
    {
        using var system = ActorSystem.Create("custom", ConfigurationFactory.ParseString("""
            actorparallel.actor.serializers.upper = "ActorParallel.Tests.UpperCaseSerializer, ActorParallel.Tests"
            actorparallel.actor.serialization-bindings { "ActorParallel.Tests.Shout, ActorParallel.Tests" = upper }
            actorparallel.actor.serialization-identifiers { "ActorParallel.Tests.UpperCaseSerializer, ActorParallel.Tests" = 500 }
            """));
        var serializer = system.Serialization.FindSerializerFor(new Shout("hi"));
        Assert.Equal(500, serializer.Identifier);
        var bytes = serializer.ToBinary(new Shout("hi"));
        var back = system.Serialization.Deserialize(bytes, 500, global::ActorParallel.Serialization.Serialization.ManifestFor(serializer, new Shout("hi")));
        Assert.Equal(new Shout("HI"), back);
    }

    [Fact]
    public void A_bad_serializer_type_fails_ActorSystem_Create_naming_the_key()
    {
        var e = Assert.Throws<ConfigurationException>(() => ActorSystem.Create("bad-serializer", ConfigurationFactory.ParseString("""
            actorparallel.actor.serializers.broken = "No.Such.Serializer, Nowhere"
            """)));
        Assert.Contains("'actorparallel.actor.serializers.broken = No.Such.Serializer, Nowhere': no such type", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binding_to_an_unknown_serializer_fails_ActorSystem_Create()
    {
        var e = Assert.Throws<ConfigurationException>(() => ActorSystem.Create("bad-binding", ConfigurationFactory.ParseString("""
            actorparallel.actor.serialization-bindings { "ActorParallel.Tests.Shout, ActorParallel.Tests" = nosuch }
            """)));
        Assert.Contains("no serializer named [nosuch]", e.Message, StringComparison.Ordinal);
    }
}

public sealed record Shout(string Text);

public sealed class UpperCaseSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public override string Manifest(object o) => "S";

    public override byte[] ToBinary(object obj) => Encoding.UTF8.GetBytes(((Shout)obj).Text.ToUpperInvariant());

    public override object FromBinary(byte[] bytes, string manifest) =>
        manifest == "S" ? new Shout(Encoding.UTF8.GetString(bytes)) : throw new SerializationException($"Unknown manifest {manifest}");
}
