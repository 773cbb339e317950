using System.Collections;
using System.Reflection;

namespace ActorParallel.Simulation.Tests.Serialization;

/// <summary>
/// Structural equality for round trips: same runtime types all the way down, sequences item by item (records
/// compare arrays by reference), doubles bit for bit (NaN and -0.0 included), other values by their public properties.
/// </summary>
internal static class Deep
{
    public static void AssertEqual(object? expected, object? actual) =>
        Assert.True(Equal(expected, actual, "value", out var where), $"differs at {where}: expected {Show(expected)}, got {Show(actual)}");

    private static bool Equal(object? a, object? b, string path, out string where)
    {
        where = path;
        if (a is null || b is null)
            return a is null && b is null;
        if (a.GetType() != b.GetType())
            return false;
        switch (a)
        {
            case double d:
                return BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits((double)b);
            case ReadOnlyMemory<double> memory:
                return Equal(memory.ToArray(), ((ReadOnlyMemory<double>)b).ToArray(), path, out where);
            case string or bool or int or long or ulong or UInt128 or TimeSpan or Enum or Akka.Actor.IActorRef:
                return a.Equals(b);
            case IEnumerable sequence:
                var left = sequence.Cast<object?>().ToList();
                var right = ((IEnumerable)b).Cast<object?>().ToList();
                if (left.Count != right.Count)
                {
                    where = $"{path}.Count ({left.Count} vs {right.Count})";
                    return false;
                }

                for (var i = 0; i < left.Count; i++)
                {
                    if (!Equal(left[i], right[i], $"{path}[{i}]", out where))
                        return false;
                }

                return true;
            default:
                foreach (var property in a.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetIndexParameters().Length > 0)
                        continue;
                    if (!Equal(property.GetValue(a), property.GetValue(b), $"{path}.{property.Name}", out where))
                        return false;
                }

                return true;
        }
    }

    private static string Show(object? value) => value is null ? "null" : $"{value.GetType().Name} {value}";
}
