using Qala.Engine.Programs;

namespace Qala.Web.Features.Programs;

/// <summary>The English resource keys of the programs' enumerations; views translate them with <c>T[...]</c>.</summary>
public static class ProgramText
{
    public static string Kind(ProgramKind kind) => kind switch
    {
        ProgramKind.Strategy => "Long-term strategy",
        ProgramKind.Program => "Development program",
        ProgramKind.Sectoral => "Sectoral program",
    };

    public static string Status(ProgramStatus status) => status switch
    {
        ProgramStatus.Draft => "Draft",
        ProgramStatus.PublicDiscussion => "Public discussion",
        ProgramStatus.Approved => "Approved",
        ProgramStatus.InImplementation => "In implementation",
        ProgramStatus.Completed => "Completed",
        ProgramStatus.Archived => "Archived",
    };

    /// <summary>The label of the button that moves a program to <paramref name="status"/>.</summary>
    public static string MoveTo(ProgramStatus status) => status switch
    {
        ProgramStatus.Draft => "Return to draft",
        ProgramStatus.PublicDiscussion => "Open public discussion",
        ProgramStatus.Approved => "Approve",
        ProgramStatus.InImplementation => "Start implementation",
        ProgramStatus.Completed => "Mark completed",
        ProgramStatus.Archived => "Archive",
    };

    public static string Band(ProgressBand band) => band switch
    {
        ProgressBand.OnTrack => "On track",
        ProgressBand.AtRisk => "At risk",
        ProgressBand.OffTrack => "Off track",
        ProgressBand.Completed => "Completed",
        ProgressBand.Cancelled => "Cancelled",
        ProgressBand.NoData => "No data",
    };

    public static string ActivityStatus(ActivityStatus status) => status switch
    {
        Engine.Programs.ActivityStatus.NotStarted => "Not started",
        Engine.Programs.ActivityStatus.InProgress => "In progress",
        Engine.Programs.ActivityStatus.Completed => "Completed",
        Engine.Programs.ActivityStatus.Cancelled => "Cancelled",
    };

    public static string Source(FundingSource source) => source switch
    {
        FundingSource.RepublicanBudget => "Republican budget",
        FundingSource.LocalBudget => "Local budget",
        FundingSource.PublicPrivatePartnership => "Public-private partnership",
        FundingSource.PrivateInvestment => "Private investment",
        FundingSource.Other => "Other",
    };
}
