namespace ActorParallel.Configuration;

/// <summary>Copies a parsed tree, prefixing its substitution paths with the include point.</summary>
internal static class Relativize
{
    public static HoconObject Object(HoconObject source, string[] prefix)
    {
        var copy = new HoconObject(source.Origin, source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            copy.Set(source.KeyAt(i), Value(source.GetAt(i), prefix));
        }

        return copy;
    }

    public static HoconValue Value(HoconValue value, string[] prefix) => value switch
    {
        HoconObject obj => Object(obj, prefix),
        HoconArray array => new HoconArray(array.Items.Select(v => Value(v, prefix)).ToList(), array.Origin),
        HoconSubstitution s => s.WithPrefix(prefix),
        HoconConcatenation c => new HoconConcatenation(c.Pieces.Select(v => Value(v, prefix)).ToList(), c.Origin),
        HoconDelayedMerge m => new HoconDelayedMerge(m.Stack.Select(v => Value(v, prefix)).ToList()),
        _ => value,
    };
}
