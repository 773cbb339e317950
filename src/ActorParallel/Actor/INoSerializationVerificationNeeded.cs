namespace ActorParallel.Actor;

/// <summary>Messages that are never round-tripped through serialization by <c>serialize-messages = on</c>.</summary>
public interface INoSerializationVerificationNeeded;
