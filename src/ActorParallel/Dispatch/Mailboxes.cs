using System.Collections.Concurrent;
using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Dispatch;

/// <summary>
/// Mailbox types by id (the config path of a section with <c>mailbox-type</c>). An actor's mailbox is,
/// in order: the one in its Props or deployment, the dispatcher's <c>mailbox-type</c>, the default.
/// </summary>
public sealed class Mailboxes
{
    public const string DefaultMailboxId = "actorparallel.actor.default-mailbox";

    private readonly ActorSystemImpl _system;
    private readonly Config _config;
    private readonly ConcurrentDictionary<string, MailboxType> _types = new(StringComparer.Ordinal);
    private readonly MailboxType _default;
    private readonly ConcurrentDictionary<string, MailboxType> _byDispatcher = new(StringComparer.Ordinal);

    internal Mailboxes(ActorSystemImpl system)
    {
        _system = system;
        _config = system.Settings.Config;
        _default = Lookup(DefaultMailboxId);
    }

    /// <summary>The mailbox type configured at <paramref name="id"/>; a <see cref="ConfigurationException"/> if none.</summary>
    public MailboxType Lookup(string id) => _types.GetOrAdd(id, Create);

    private MailboxType Create(string id)
    {
        if (!_config.HasPath(id))
        {
            throw new ConfigurationException(
                $"Mailbox [{id}] not configured: add a section '{id} {{ mailbox-type = \"ActorParallel.Dispatch.BoundedMailbox, ActorParallel\" }}' " +
                $"or use '{DefaultMailboxId}'.");
        }

        var config = _config.GetConfig(id).WithFallback(_config.GetConfig(DefaultMailboxId));
        return FromTypeName(id, config.GetString("mailbox-type") ?? string.Empty, config);
    }

    private MailboxType FromTypeName(string where, string typeName, Config config)
    {
        var type = ResolveType(typeName) ?? throw new ConfigurationException(
            $"'{where}.mailbox-type = {typeName}': no such type. Use ActorParallel.Dispatch.UnboundedMailbox, BoundedMailbox, " +
            "or an assembly-qualified MailboxType subclass with a (Settings, Config) constructor.");
        if (!typeof(MailboxType).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ConfigurationException($"'{where}.mailbox-type = {typeName}': not a concrete MailboxType.");
        }

        try
        {
            return type.GetConstructor([typeof(Settings), typeof(Config)]) is { } constructor
                ? (MailboxType)constructor.Invoke([_system.Settings, config])
                : (MailboxType)Activator.CreateInstance(type)!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is ConfigurationException inner)
        {
            throw new ConfigurationException($"'{where}': {inner.Message}", inner);
        }
    }

    private static Type? ResolveType(string typeName)
    {
        if (string.IsNullOrWhiteSpace(typeName))
        {
            return null;
        }

        return Type.GetType(typeName) ?? (typeName.Contains(',', StringComparison.Ordinal)
            ? null
            : typeof(Mailboxes).Assembly.GetType(typeName) ?? typeof(Mailboxes).Assembly.GetType("ActorParallel.Dispatch." + typeName));
    }

    internal Mailbox CreateDefault() => new(_default.Create(null, _system));

    internal Mailbox CreateMailbox(Props props, string dispatcherId)
    {
        if (!string.IsNullOrEmpty(props.Deploy.Mailbox))
        {
            return new Mailbox(Lookup(props.Deploy.Mailbox).Create(null, _system));
        }

        if (!_byDispatcher.TryGetValue(dispatcherId, out var type))
        {
            type = _byDispatcher.GetOrAdd(dispatcherId, ForDispatcher);
        }

        return new Mailbox(type.Create(null, _system));
    }

    /// <summary>The dispatcher's own <c>mailbox-type</c>, else the default; cached per dispatcher so spawning does no config lookups.</summary>
    private MailboxType ForDispatcher(string dispatcherId)
    {
        var dispatcherConfig = _config.GetConfig(dispatcherId);
        return dispatcherConfig.GetString("mailbox-type") is { Length: > 0 } typeName
            ? FromTypeName(dispatcherId, typeName, dispatcherConfig.WithFallback(_config.GetConfig(DefaultMailboxId)))
            : _default;
    }
}
