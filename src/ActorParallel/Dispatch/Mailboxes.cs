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

    /// <summary>Maps a queue-semantics interface (full type name) to the id of a mailbox that provides it.</summary>
    public const string RequirementsPath = "actorparallel.actor.mailbox.requirements";

    private readonly ActorSystemImpl _system;
    private readonly Config _config;
    private readonly ConcurrentDictionary<string, MailboxType> _types = new(StringComparer.Ordinal);
    private readonly MailboxType _default;
    private readonly ConcurrentDictionary<string, MailboxType> _byDispatcher = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, MailboxType?> _byActorType = new();
    private readonly ConcurrentDictionary<Type, Type?> _requirementByActorType = new();

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
        // The reference config's default: built directly, so system start-up loads no type by name (cold-start cost).
        if (string.Equals(typeName, "ActorParallel.Dispatch.UnboundedMailbox, ActorParallel", StringComparison.Ordinal))
        {
            return new UnboundedMailbox(_system.Settings, config);
        }

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

    internal Mailbox CreateMailbox(Props props, string dispatcherId, ActorPath? path = null)
    {
        string mailboxId;
        MailboxType type;
        if (!string.IsNullOrEmpty(props.Deploy.Mailbox))
        {
            mailboxId = props.Deploy.Mailbox;
            type = Lookup(mailboxId);
        }
        else
        {
            if (!_byDispatcher.TryGetValue(dispatcherId, out type!))
            {
                type = _byDispatcher.GetOrAdd(dispatcherId, ForDispatcher);
            }

            if (ReferenceEquals(type, _default))
            {
                if (ForActorType(props.Type) is { } required)
                {
                    return new Mailbox(required.Create(null, _system));
                }

                mailboxId = DefaultMailboxId;
            }
            else
            {
                mailboxId = $"{dispatcherId}.mailbox-type";
            }
        }

        var queue = type.Create(null, _system);
        if (RequiredQueueSemantics(props.Type) is { } semantics && !Satisfies(type, queue, semantics))
        {
            throw new ConfigurationException(
                $"Actor [{path?.ToString() ?? props.Type.FullName}] of type {props.Type.FullName} requires a mailbox with queue semantics " +
                $"{semantics.FullName} (IRequiresMessageQueue), but mailbox [{mailboxId}] ({type.GetType().FullName}) produces " +
                $"{queue.GetType().FullName}, which does not implement it. Name a mailbox that provides {semantics.Name} " +
                $"(e.g. the one mapped in '{RequirementsPath}'), or remove the mailbox setting so the requirement picks it.");
        }

        return new Mailbox(queue);
    }

    /// <summary>
    /// Whether mailboxes of <paramref name="type"/> (with <paramref name="queue"/>) provide <paramref name="semantics"/>.
    /// Deque semantics come from a deque-based mailbox type; the rest of the interface must be met by the queue.
    /// </summary>
    private static bool Satisfies(MailboxType type, IMessageQueue queue, Type semantics)
    {
        if (semantics.IsInstanceOfType(queue))
        {
            return true;
        }

        if (type is not IDequeBasedMailboxType || !typeof(IDequeBasedMessageQueueSemantics).IsAssignableFrom(semantics))
        {
            return false;
        }

        return semantics.GetInterfaces().Append(semantics)
            .Where(i => i != typeof(IDequeBasedMessageQueueSemantics) && !typeof(IDequeBasedMessageQueueSemantics).IsAssignableFrom(i))
            .All(i => i.IsInstanceOfType(queue));
    }

    /// <summary>The queue-semantics interface of the actor's <see cref="IRequiresMessageQueue{T}"/>, or null; cached per actor type.</summary>
    private Type? RequiredQueueSemantics(Type actorType) => _requirementByActorType.GetOrAdd(actorType, static type => type.GetInterfaces()
        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequiresMessageQueue<>))
        ?.GetGenericArguments()[0]);

    /// <summary>
    /// The mailbox type whose queue semantics satisfy the actor's <see cref="IRequiresMessageQueue{T}"/>
    /// (looked up through <c>actorparallel.actor.mailbox.requirements</c>), or null when it states none;
    /// used only when neither the props, the deployment nor the dispatcher names a mailbox.
    /// </summary>
    public MailboxType? ForActorType(Type actorType)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        return _byActorType.GetOrAdd(actorType, type =>
        {
            var requirement = RequiredQueueSemantics(type);
            return requirement is null ? null : LookupByQueueType(requirement);
        });
    }

    /// <summary>The mailbox type configured in <c>actorparallel.actor.mailbox.requirements</c> for <paramref name="queueSemantics"/>.</summary>
    public MailboxType LookupByQueueType(Type queueSemantics)
    {
        ArgumentNullException.ThrowIfNull(queueSemantics);
        var key = $"{RequirementsPath}.\"{queueSemantics.FullName}\"";
        var id = _config.GetString(key);
        if (string.IsNullOrEmpty(id))
        {
            throw new ConfigurationException(
                $"No mailbox is mapped to the queue semantics {queueSemantics.FullName}: add " +
                $"'{RequirementsPath} {{ \"{queueSemantics.FullName}\" = <mailbox id> }}'.");
        }

        return Lookup(id);
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
