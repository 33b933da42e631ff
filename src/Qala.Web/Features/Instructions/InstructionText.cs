namespace Qala.Web.Features.Instructions;

/// <summary>The English resource keys of the instructions' enumerations, translated on the pages with <c>T[...]</c>.</summary>
public static class InstructionText
{
    public static string Status(InstructionStatus status) => status switch
    {
        InstructionStatus.OnControl => "On control",
        InstructionStatus.ReportSubmitted => "Report submitted",
        InstructionStatus.Accepted => "Executed",
        InstructionStatus.Returned => "Returned for rework",
        InstructionStatus.ExtensionRequested => "Extension requested",
        InstructionStatus.Removed => "Removed from control",
    };

    public static string Kind(MeetingKind kind) => kind switch
    {
        MeetingKind.HeadOfStateTrip => "Head of State's working trip",
        MeetingKind.GovernmentSession => "Government session",
        MeetingKind.AkimMeeting => "Akim's meeting",
        MeetingKind.PublicCouncil => "Public council",
        MeetingKind.Other => "Other meeting",
    };

    public static string Level(ControlLevel level) => level switch
    {
        ControlLevel.HeadOfState => "Head of State",
        ControlLevel.Government => "Government",
        ControlLevel.Akim => "Akim",
        ControlLevel.DeputyAkim => "Deputy akim",
    };

    public static string Interim(InterimReporting reporting) => reporting switch
    {
        InterimReporting.None => "No interim reports",
        InterimReporting.Monthly => "Monthly reports",
        InterimReporting.Quarterly => "Quarterly reports",
    };

    public static string Event(InstructionEventKind kind) => kind switch
    {
        InstructionEventKind.Registered => "Registered",
        InstructionEventKind.InterimReport => "Interim report",
        InstructionEventKind.ReportSubmitted => "Report submitted",
        InstructionEventKind.Accepted => "Accepted as executed",
        InstructionEventKind.Returned => "Returned for rework",
        InstructionEventKind.ExtensionRequested => "Extension requested",
        InstructionEventKind.ExtensionGranted => "Extension granted",
        InstructionEventKind.ExtensionRefused => "Extension refused",
        InstructionEventKind.Removed => "Removed from control",
    };

    public static string Badge(InstructionStatus status, bool overdue) => overdue ? "text-bg-danger" : status switch
    {
        InstructionStatus.Accepted => "text-bg-success",
        InstructionStatus.ReportSubmitted => "text-bg-info",
        InstructionStatus.Returned or InstructionStatus.ExtensionRequested => "text-bg-warning",
        InstructionStatus.Removed => "text-bg-secondary",
        _ => "text-bg-primary",
    };
}
