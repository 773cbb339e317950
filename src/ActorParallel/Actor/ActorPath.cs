using System.Text;

namespace ActorParallel.Actor;

/// <summary>
/// The name of an actor: an address plus the chain of names from the root guardian, e.g.
/// <c>actorparallel://sys/user/parent/child</c>. Equality ignores the UID; references compare it.
/// </summary>
public abstract class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    /// <summary>Characters allowed in a path element besides letters and digits (RFC 2396).</summary>
    public const string ValidSymbols = "\"-_.*$+:@&=,!~';";

    private int _hash;

    protected ActorPath(Address address, string name, long uid)
    {
        Address = address;
        Name = name;
        Uid = uid;
    }

    public Address Address { get; }

    public string Name { get; }

    public long Uid { get; }

    public abstract ActorPath Parent { get; }

    public abstract ActorPath Root { get; }

    public abstract int Depth { get; }

    /// <summary>Names from below the root to this path, e.g. ["user", "a", "b"].</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[Depth];
            var path = this;
            for (var i = elements.Length - 1; i >= 0; i--)
            {
                elements[i] = path.Name;
                path = path.Parent;
            }

            return elements;
        }
    }

    public ActorPath Child(string childName) => new ChildActorPath(this, childName, ActorCellUid.Undefined);

    public abstract ActorPath WithUid(long uid);

    public static ActorPath operator /(ActorPath path, string name) => path.Child(name);

    public static ActorPath operator /(ActorPath path, IEnumerable<string> names) =>
        names.Aggregate(path, (current, name) => name.Length == 0 ? current : current.Child(name));

    public static bool IsValidPathElement(string? element)
    {
        if (string.IsNullOrEmpty(element) || element[0] == '$')
        {
            return false;
        }

        foreach (var c in element)
        {
            if (!IsValidChar(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsValidChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || ValidSymbols.Contains(c, StringComparison.Ordinal);

    public static ActorPath Parse(string path) =>
        TryParse(path, out var parsed)
            ? parsed
            : throw new UriFormatException($"'{path}' is not a valid actor path; expected e.g. actorparallel://system/user/name.");

    public static bool TryParse(string? path, out ActorPath actorPath)
    {
        actorPath = null!;
        if (!Address.TryParse(path, out var address, out var rest))
        {
            return false;
        }

        var uid = ActorCellUid.Undefined;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            if (!long.TryParse(rest.AsSpan(hash + 1), out uid))
            {
                return false;
            }

            rest = rest[..hash];
        }

        ActorPath result = new RootActorPath(address);
        foreach (var element in rest.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            result = result.Child(Uri.UnescapeDataString(element));
        }

        actorPath = uid == ActorCellUid.Undefined ? result : result.WithUid(uid);
        return true;
    }

    public string ToStringWithoutAddress()
    {
        if (Depth == 0)
        {
            return "/";
        }

        var builder = new StringBuilder();
        AppendElements(builder);
        return builder.ToString();
    }

    private void AppendElements(StringBuilder builder)
    {
        if (Depth == 0)
        {
            return;
        }

        Parent.AppendElements(builder);
        builder.Append('/').Append(Name);
    }

    public string ToStringWithAddress() => ToStringWithAddress(Address);

    public string ToStringWithAddress(Address address) =>
        Depth == 0 ? $"{address}/" : $"{address}{ToStringWithoutAddress()}";

    public string ToStringWithUid() => Uid != ActorCellUid.Undefined ? $"{this}#{Uid}" : ToString();

    public string ToSerializationFormat() => ToStringWithUid();

    public string ToSerializationFormatWithAddress(Address address) =>
        Uid != ActorCellUid.Undefined ? $"{ToStringWithAddress(address)}#{Uid}" : ToStringWithAddress(address);

    public override string ToString() => ToStringWithAddress();

    public bool Equals(ActorPath? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Depth != other.Depth || GetHashCode() != other.GetHashCode())
        {
            return false;
        }

        ActorPath left = this, right = other;
        while (left.Depth > 0)
        {
            if (!string.Equals(left.Name, right.Name, StringComparison.Ordinal))
            {
                return false;
            }

            left = left.Parent;
            right = right.Parent;
        }

        return left.Address.Equals(right.Address);
    }

    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            // Racy but benign: every thread computes the same value.
            var hash = Depth == 0 ? Address.GetHashCode() : HashCode.Combine(Parent.GetHashCode(), Name);
            _hash = hash == 0 ? 1 : hash;
        }

        return _hash;
    }

    public int CompareTo(ActorPath? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    public static bool operator ==(ActorPath? left, ActorPath? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(ActorPath? left, ActorPath? right) => !(left == right);
}
