using System.Globalization;
using Xunit;
using Xunit.Sdk;

namespace ActorParallel.TestKit.Xunit2.Internals;

/// <summary>TestKit failures reported as xunit assertion failures.</summary>
public sealed class XunitAssertions : ITestKitAssertions
{
    public void Fail(string format = "", params object[] args) => throw new XunitException(Format(format, args));

    public void AssertTrue(bool condition, string format = "", params object[] args) => Assert.True(condition, Format(format, args));

    public void AssertFalse(bool condition, string format = "", params object[] args) => Assert.False(condition, Format(format, args));

    public void AssertEqual<T>(T expected, T actual, string format = "", params object[] args)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new XunitException(string.IsNullOrEmpty(format) ? $"Expected {expected} but was {actual}" : Format(format, args));
        }
    }

    public void AssertEqual<T>(T expected, T actual, Func<T, T, bool> comparer, string format = "", params object[] args)
    {
        if (!comparer(expected, actual))
        {
            throw new XunitException(string.IsNullOrEmpty(format) ? $"Expected {expected} but was {actual}" : Format(format, args));
        }
    }

    private static string Format(string format, object[] args) =>
        args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format;
}
