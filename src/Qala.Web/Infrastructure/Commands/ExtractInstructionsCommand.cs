using System.Globalization;
using Qala.Engine.Instructions.Extraction;

namespace Qala.Web.Infrastructure.Commands;

/// <summary>
/// <c>extract-instructions FILE [--meeting-date YYYY-MM-DD]</c>: the meeting, instructions and numeric facts that
/// <see cref="InstructionExtractor"/> proposes from a meeting's text file (UTF-8), as the API returns them. Needs no
/// database.
/// </summary>
internal static class ExtractInstructionsCommand
{
    public const string Description =
        "Propose the meeting, instructions and numeric facts of a meeting's text (kk, ru or en; UTF-8): FILE [--meeting-date YYYY-MM-DD] (relative deadlines resolve from it; else from the first date in the text). Needs no database.";

    public static Task<object> RunAsync(IServiceProvider _, string[] args) => Task.FromResult<object>(Run(args));

    public static MeetingExtraction Run(string[] args)
    {
        string? file = null;
        DateOnly? meetingDate = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--meeting-date")
            {
                var value = i + 1 < args.Length ? args[++i] : throw new CommandLineException("--meeting-date needs a date (YYYY-MM-DD).");
                meetingDate = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw new CommandLineException($"--meeting-date {value} is not a date (YYYY-MM-DD).");
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"Unknown option {args[i]}; expected FILE and optionally --meeting-date YYYY-MM-DD.");
            }
            else if (file is null)
            {
                file = args[i];
            }
            else
            {
                throw new CommandLineException("extract-instructions reads one file.");
            }
        }

        if (file is null)
        {
            throw new CommandLineException("extract-instructions needs FILE, the meeting's text.");
        }

        if (!File.Exists(file))
        {
            throw new CommandLineException($"The file {file} does not exist.");
        }

        if (new FileInfo(file).Length > 4L * InstructionExtractor.MaxLength)
        {
            throw new CommandLineException($"{file}: the text is longer than the {InstructionExtractor.MaxLength.ToString("N0", CultureInfo.InvariantCulture)} characters read.");
        }

        try
        {
            return InstructionExtractor.Extract(File.ReadAllText(file), meetingDate);
        }
        catch (MeetingTextException e)
        {
            throw new CommandLineException($"{file}: {e.Message}");
        }
    }
}
