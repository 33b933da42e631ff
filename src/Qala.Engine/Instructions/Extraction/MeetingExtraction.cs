namespace Qala.Engine.Instructions.Extraction;

/// <summary>What a meeting's text proposes: its language, the meeting, the instructions and the numeric facts.</summary>
public sealed record MeetingExtraction(
    string Language,
    MeetingProposal Meeting,
    IReadOnlyList<InstructionProposal> Instructions,
    IReadOnlyList<FactProposal> Facts);

/// <summary>The meeting's date, place and chair as the text gives them; null when it does not.</summary>
public sealed record MeetingProposal(DateOnly? Date, string? Place, string? Chair);

/// <summary>
/// A proposed instruction: the directing sentence or clause at <c>[Start, End)</c> of the input, its addressee and
/// deadline as written, the deadline as a date when it can be resolved, and the cue that fired
/// ("directive: instructed", "modal: It is necessary to", "imperative: Develop"), and the period of interim reports
/// when the clause asks for them ("monthly", "quarterly"; null when it does not).
/// </summary>
public sealed record InstructionProposal(string Text, int Start, int End, string? Addressee, string? Deadline, DateOnly? DueDate, string Cue, string? Period = null);

/// <summary>A proposed numeric fact: the quantity is <see cref="Value"/> × <see cref="Scale"/> in <see cref="Unit"/>.</summary>
public sealed record FactProposal(string Text, int Start, int End, double Value, double Scale, string Unit);

/// <summary>A text that cannot be read: empty or over <see cref="InstructionExtractor.MaxLength"/> characters.</summary>
public sealed class MeetingTextException(string message) : Exception(message);
