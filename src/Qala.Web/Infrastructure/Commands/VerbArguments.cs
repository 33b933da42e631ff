namespace Qala.Web.Infrastructure.Commands;

/// <summary>
/// A verb's options split three ways: settings (<c>--Qala:Database:Provider postgres</c>, <c>--ConnectionStrings:Qala=…</c>)
/// for the configuration, the verb's own flags (<c>--dry-run</c>), and its arguments (file paths), which the
/// configuration would misread.
/// </summary>
public sealed record VerbArguments(IReadOnlyList<string> Settings, IReadOnlySet<string> Flags, IReadOnlyList<string> Positional)
{
    public static VerbArguments Parse(IReadOnlyList<string> options, IReadOnlySet<string> flags)
    {
        var settings = new List<string>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            if (flags.Contains(option))
            {
                given.Add(option);
            }
            else if (!option.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(option);
            }
            else
            {
                settings.Add(option);
                if (!option.Contains('=', StringComparison.Ordinal) && i + 1 < options.Count)
                {
                    settings.Add(options[++i]);
                }
            }
        }

        return new VerbArguments(settings, given, positional);
    }
}
