using System.Globalization;
using Qala.Engine.Indicators;

namespace Qala.Engine.Tests.Indicators;

internal static class IndicatorTestData
{
    /// <summary>"&gt;=200" at least, "&lt;=30" at most, "10..20" a range, "" none.</summary>
    public static Target? Target(string spec)
    {
        if (spec.Length == 0)
        {
            return null;
        }

        if (spec.StartsWith(">=", StringComparison.Ordinal))
        {
            return Engine.Indicators.Target.AtLeast(Number(spec[2..]));
        }

        if (spec.StartsWith("<=", StringComparison.Ordinal))
        {
            return Engine.Indicators.Target.AtMost(Number(spec[2..]));
        }

        var bounds = spec.Split("..");
        return Engine.Indicators.Target.Within(Number(bounds[0]), Number(bounds[1]));
    }

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
