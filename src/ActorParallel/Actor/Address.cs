using System.Globalization;

namespace ActorParallel.Actor;

/// <summary>
/// Where an actor system lives: <c>protocol://system@host:port</c>. A local address has no host and
/// port (<c>actorparallel://sys</c>); a remote one has both (<c>actorparallel.tcp://sys@host:2552</c>).
/// </summary>
public sealed class Address : IEquatable<Address>, IComparable<Address>
{
    /// <summary>Matches every system; used to subscribe to events about any address.</summary>
    public static readonly Address AllSystems = new("actorparallel", "all-systems");

    private readonly int _hash;
    private string? _text;

    public Address(string protocol, string system, string? host = null, int? port = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocol);
        ArgumentException.ThrowIfNullOrEmpty(system);
        Protocol = protocol;
        System = system;
        Host = string.IsNullOrEmpty(host) ? null : host.ToLowerInvariant();
        Port = port;
        _hash = HashCode.Combine(Protocol, System, Host, Port);
    }

    public string Protocol { get; }

    public string System { get; }

    public string? Host { get; }

    public int? Port { get; }

    public bool HasLocalScope => string.IsNullOrEmpty(Host);

    public bool HasGlobalScope => !string.IsNullOrEmpty(Host);

    public Address WithProtocol(string protocol) => new(protocol, System, Host, Port);

    public Address WithSystem(string system) => new(Protocol, system, Host, Port);

    public Address WithHost(string? host = null) => new(Protocol, System, host, Port);

    public Address WithPort(int? port = null) => new(Protocol, System, Host, port);

    /// <summary><c>system@host:port</c>, the part after the protocol.</summary>
    public string HostPort()
    {
        var text = ToString();
        var start = text.IndexOf("://", StringComparison.Ordinal) + 3;
        return text[start..];
    }

    public static Address Parse(string address) =>
        TryParse(address, out var parsed)
            ? parsed
            : throw new UriFormatException($"'{address}' is not a valid actor system address; expected protocol://system[@host:port].");

    public static bool TryParse(string? address, out Address result) => TryParse(address, out result, out _);

    internal static bool TryParse(string? text, out Address result, out string rest)
    {
        result = null!;
        rest = string.Empty;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }

        var protocol = text[..schemeEnd];
        var afterScheme = text[(schemeEnd + 3)..];
        var slash = afterScheme.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? afterScheme : afterScheme[..slash];
        rest = slash < 0 ? string.Empty : afterScheme[slash..];
        if (authority.Length == 0)
        {
            return false;
        }

        var at = authority.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            result = new Address(protocol, authority);
            return true;
        }

        var system = authority[..at];
        var hostPort = authority[(at + 1)..];
        var colon = hostPort.LastIndexOf(':');
        if (system.Length == 0 || colon <= 0
            || !int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return false;
        }

        var host = hostPort[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        result = new Address(protocol, system, host, port);
        return true;
    }

    public bool Equals(Address? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (_hash == other._hash && Port == other.Port && Protocol == other.Protocol && System == other.System && Host == other.Host));

    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    public override int GetHashCode() => _hash;

    public int CompareTo(Address? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    public override string ToString() => _text ??= HasLocalScope
        ? $"{Protocol}://{System}"
        : $"{Protocol}://{System}@{(Host!.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}";

    public static bool operator ==(Address? left, Address? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(Address? left, Address? right) => !(left == right);
}
