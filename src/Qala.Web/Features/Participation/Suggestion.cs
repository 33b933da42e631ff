using System.Security.Cryptography;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Programs;
using Qala.Web.Features.Territories;
using Qala.Web.Features.Users;

namespace Qala.Web.Features.Participation;

/// <summary>How a suggestion reached the akimat.</summary>
public enum SuggestionChannel
{
    WebForm,
    Meeting,
    Paper,
    PublicCouncil,
    Email,
}

/// <summary>Whether the public may read a suggestion: a moderator publishes it or hides it with a reason.</summary>
public enum SuggestionState
{
    Received,
    Published,
    Hidden,
}

/// <summary>How a suggestion was taken into account: the entry of the decision ledger.</summary>
public enum SuggestionDecision
{
    /// <summary>Included in a program item (a goal or an activity, linked).</summary>
    Included,

    /// <summary>Already planned in a program item (linked).</summary>
    AlreadyPlanned,

    PartlyTaken,

    /// <summary>Not accepted; the reason is required.</summary>
    NotAccepted,

    /// <summary>Forwarded to another body, named.</summary>
    Forwarded,
}

/// <summary>
/// A citizen's suggestion from any channel. The text is hostile input: pages encode it and never trust it. It
/// becomes public only when a moderator publishes it, and never when it is confidential (marked so by the citizen or
/// in a confidential topic). The citizen's contact data lives apart, in <see cref="SuggestionContact"/>.
/// </summary>
public sealed class Suggestion : IVersioned, ITerritoryScoped
{
    public const int MinTextLength = 10;
    public const int MaxTextLength = 5000;

    public int Id { get; set; }

    /// <summary>The unguessable code of the citizen's receipt page (<c>/suggestions/{code}</c>).</summary>
    public string PublicCode { get; private set; } = NewCode();

    /// <summary>The hidden key of the form that sent it, so that a double click stores one suggestion.</summary>
    public Guid? SubmissionKey { get; set; }

    public int? ConsultationId { get; set; }

    public Consultation? Consultation { get; set; }

    public int? MeetingId { get; set; }

    public ThematicMeeting? Meeting { get; set; }

    public SuggestionChannel Channel { get; set; }

    public required string Text { get; set; }

    /// <summary>The language the citizen wrote in or used the site in (kk, ru, en): answers are sent in it.</summary>
    public required string Language { get; set; }

    public int TerritoryId { get; set; }

    public Territory? Territory { get; set; }

    public int? DistrictId { get; set; }

    public Territory? District { get; set; }

    /// <summary>
    /// The place the suggestion is about when its author marked one on the map (WGS 84 degrees). Staff see it; it is
    /// never public, since a citizen may mark their own home.
    /// </summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The staff member who entered it (meetings, paper, the public council); null for the web form.</summary>
    public string? EnteredBy { get; set; }

    /// <summary>The citizen asked for it never to be public (e.g. a report about corruption).</summary>
    public bool MarkedConfidential { get; private set; }

    /// <summary>Marked so, or in a confidential topic: never public, read only by those allowed.</summary>
    public bool Confidential { get; private set; }

    public int? TopicId { get; private set; }

    public Topic? Topic { get; private set; }

    /// <summary>Who chose or confirmed the topic; null while it is only the model's suggestion.</summary>
    public string? TopicConfirmedBy { get; private set; }

    /// <summary>The topic model's suggestion and its confidence (0–1).</summary>
    public int? SuggestedTopicId { get; private set; }

    public Topic? SuggestedTopic { get; private set; }

    public double? SuggestedConfidence { get; private set; }

    /// <summary>The model proposed a confidential topic that no person has decided on: the suggestion waits, unpublished.</summary>
    public bool HeldForReview { get; private set; }

    public SuggestionState State { get; private set; } = SuggestionState.Received;

    public DateTimeOffset? ModeratedAt { get; private set; }

    public string? ModeratedBy { get; private set; }

    public string? HiddenReason { get; private set; }

    public int? AgencyId { get; private set; }

    public Agency? Agency { get; private set; }

    public DateOnly? AnswerDue { get; private set; }

    public SuggestionDecision? Decision { get; private set; }

    public string? Answer { get; private set; }

    public string? DecisionReason { get; private set; }

    public int? GoalId { get; private set; }

    public ProgramGoal? Goal { get; private set; }

    public int? ActivityId { get; private set; }

    public RoadmapActivity? Activity { get; private set; }

    public string? ForwardedTo { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? AnsweredBy { get; private set; }

    /// <summary>The suggestion this one was merged into as a near-duplicate; it stays stored with its own text.</summary>
    public int? DuplicateOfId { get; private set; }

    /// <summary>The people behind it: one, plus everyone whose suggestion was merged into it.</summary>
    public int Supporters { get; private set; } = 1;

    public SuggestionContact? Contact { get; set; }

    public Guid Version { get; set; }

    public bool IsPublic => State == SuggestionState.Published && !Confidential && DuplicateOfId is null;

    public bool IsAnswered => Decision is not null;

    /// <summary>Records the topic model's suggestion; a confidential topic holds the suggestion back until a person decides.</summary>
    public void Suggest(Topic topic, double confidence)
    {
        SuggestedTopicId = topic.Id;
        SuggestedTopic = topic;
        SuggestedConfidence = confidence;
        HeldForReview = topic.IsConfidential && TopicConfirmedBy is null;
        if (TopicConfirmedBy is null)
        {
            (TopicId, Topic) = (topic.Id, topic);
        }
    }

    /// <summary>A person chooses or confirms the topic; confidentiality follows it unless the citizen asked for it.</summary>
    public void ChooseTopic(Topic topic, string by)
    {
        (TopicId, Topic, TopicConfirmedBy) = (topic.Id, topic, by);
        HeldForReview = false;
        Confidential = MarkedConfidential || topic.IsConfidential;
        if (Confidential && State == SuggestionState.Published)
        {
            State = SuggestionState.Received;
        }
    }

    /// <summary>The citizen asks for the suggestion never to be public; no later choice of topic undoes it.</summary>
    public void MarkConfidential()
    {
        MarkedConfidential = true;
        Confidential = true;
        if (State == SuggestionState.Published)
        {
            State = SuggestionState.Received;
        }
    }

    /// <summary>Publishes the suggestion unless it is confidential, held for review, merged or already public.</summary>
    public ModerationResult Publish(string by, DateTimeOffset at)
    {
        if (Confidential)
        {
            return ModerationResult.Confidential;
        }

        if (HeldForReview)
        {
            return ModerationResult.HeldForReview;
        }

        if (State == SuggestionState.Published)
        {
            return ModerationResult.AlreadyDone;
        }

        (State, ModeratedBy, ModeratedAt, HiddenReason) = (SuggestionState.Published, by, at, null);
        return ModerationResult.Done;
    }

    /// <summary>Hides abusive content with a reason; the original text stays stored and audited.</summary>
    public ModerationResult Hide(string reason, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return ModerationResult.ReasonRequired;
        }

        (State, ModeratedBy, ModeratedAt, HiddenReason) = (SuggestionState.Hidden, by, at, reason.Trim());
        return ModerationResult.Done;
    }

    /// <summary>Sends the suggestion to the agency that answers it, with the answer deadline.</summary>
    public void RouteTo(int agencyId, DateOnly answerDue) => (AgencyId, Agency, AnswerDue) = (agencyId, null, answerDue);

    /// <summary>Records the decision and the answer, or says what is missing.</summary>
    public DecisionResult Decide(SuggestionAnswer answer, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(answer.Text))
        {
            return DecisionResult.AnswerRequired;
        }

        var linked = answer.GoalId is not null || answer.ActivityId is not null;
        var problem = answer.Decision switch
        {
            SuggestionDecision.Included or SuggestionDecision.AlreadyPlanned when !linked => DecisionResult.LinkRequired,
            SuggestionDecision.NotAccepted when string.IsNullOrWhiteSpace(answer.Reason) => DecisionResult.ReasonRequired,
            SuggestionDecision.Forwarded when string.IsNullOrWhiteSpace(answer.ForwardedTo) => DecisionResult.AddresseeRequired,
            _ => DecisionResult.Done,
        };
        if (problem != DecisionResult.Done)
        {
            return problem;
        }

        var keepsLink = answer.Decision is SuggestionDecision.Included or SuggestionDecision.AlreadyPlanned or SuggestionDecision.PartlyTaken;
        Decision = answer.Decision;
        Answer = answer.Text.Trim();
        DecisionReason = string.IsNullOrWhiteSpace(answer.Reason) ? null : answer.Reason.Trim();
        (GoalId, ActivityId) = keepsLink ? (answer.GoalId, answer.ActivityId) : (null, null);
        ForwardedTo = answer.Decision == SuggestionDecision.Forwarded ? answer.ForwardedTo!.Trim() : null;
        (AnsweredAt, AnsweredBy) = (at, by);
        return DecisionResult.Done;
    }

    /// <summary>Merges this suggestion into <paramref name="primary"/> as a near-duplicate: its supporters join the primary's.</summary>
    public bool MergeInto(Suggestion primary)
    {
        if (primary.Id == Id || primary.DuplicateOfId is not null || DuplicateOfId is not null)
        {
            return false;
        }

        DuplicateOfId = primary.Id;
        primary.Supporters += Supporters;
        return true;
    }

    private static string NewCode() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
}

/// <summary>What an agency answers to a suggestion.</summary>
public sealed record SuggestionAnswer(SuggestionDecision Decision, string Text, string? Reason, int? GoalId, int? ActivityId, string? ForwardedTo);

public enum ModerationResult
{
    Done,
    AlreadyDone,
    Confidential,
    HeldForReview,
    ReasonRequired,
}

public enum DecisionResult
{
    Done,
    AnswerRequired,
    LinkRequired,
    ReasonRequired,
    AddresseeRequired,
}

/// <summary>
/// A citizen's contact details and the consent under which they were given (purpose, the version of the consent
/// text, when). Personal data: never public, shown only to staff who handle the suggestion, found and erased by
/// personal-data requests, and kept out of the audit log so that an erasure leaves nothing behind.
/// </summary>
public sealed class SuggestionContact : IAuditExempt
{
    /// <summary>The purpose the citizen consents to: being answered about this suggestion.</summary>
    public const string AnswerPurpose = "answer-about-suggestion";

    public int SuggestionId { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public required string ConsentPurpose { get; set; }

    public required string ConsentTextVersion { get; set; }

    public DateTimeOffset ConsentGivenAt { get; set; }
}
