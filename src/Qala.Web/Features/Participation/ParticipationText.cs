namespace Qala.Web.Features.Participation;

/// <summary>The English resource keys of participation's enumerations and outcomes; views translate them with <c>T[...]</c>.</summary>
public static class ParticipationText
{
    public static string Phase(ConsultationPhase phase) => phase switch
    {
        ConsultationPhase.Announced => "Announced",
        ConsultationPhase.Open => "Open for suggestions",
        ConsultationPhase.Summarising => "Summarising",
        ConsultationPhase.ReportPublished => "Report published",
    };

    /// <summary>The label of the button that moves a consultation to <paramref name="phase"/>.</summary>
    public static string MoveTo(ConsultationPhase phase) => phase switch
    {
        ConsultationPhase.Announced => "Announce",
        ConsultationPhase.Open => "Open for suggestions",
        ConsultationPhase.Summarising => "Close and sum up",
        ConsultationPhase.ReportPublished => "Publish the report",
    };

    public static string Channel(SuggestionChannel channel) => channel switch
    {
        SuggestionChannel.WebForm => "Web form",
        SuggestionChannel.Meeting => "Thematic meeting",
        SuggestionChannel.Paper => "Paper",
        SuggestionChannel.PublicCouncil => "Public council",
        SuggestionChannel.Email => "E-mail",
    };

    public static string State(SuggestionState state) => state switch
    {
        SuggestionState.Received => "Awaiting moderation",
        SuggestionState.Published => "Published",
        SuggestionState.Hidden => "Hidden",
    };

    public static string Decision(SuggestionDecision decision) => decision switch
    {
        SuggestionDecision.Included => "Included in the program",
        SuggestionDecision.AlreadyPlanned => "Already planned",
        SuggestionDecision.PartlyTaken => "Partly taken into account",
        SuggestionDecision.NotAccepted => "Not accepted",
        SuggestionDecision.Forwarded => "Forwarded to another body",
    };

    public static string Moderation(ModerationResult result) => result switch
    {
        ModerationResult.Done => "Saved.",
        ModerationResult.AlreadyDone => "It is published already.",
        ModerationResult.Confidential => "A confidential suggestion is never published.",
        ModerationResult.HeldForReview => "The topic model suggests a confidential topic: choose the topic before publishing.",
        ModerationResult.ReasonRequired => "Give the reason for hiding it.",
    };

    public static string Outcome(DecisionResult result) => result switch
    {
        DecisionResult.Done => "The answer has been saved.",
        DecisionResult.AnswerRequired => "Write the answer to the citizen.",
        DecisionResult.LinkRequired => "Link a goal or an activity of a program of this territory.",
        DecisionResult.ReasonRequired => "Give the reason for not accepting it.",
        DecisionResult.AddresseeRequired => "Name the body it was forwarded to.",
    };
}
