using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qala.Engine.Participation.Topics;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.SocialInfrastructure;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Features.Participation;

/// <summary>Settings of public participation (<c>Qala:Participation</c>).</summary>
public sealed class ParticipationOptions
{
    /// <summary>Working days an agency has to answer a suggestion once it is routed to it.</summary>
    public int AnswerWorkingDays { get; set; } = 15;

    /// <summary>The version of the consent text shown beside the contact fields; stored with each consent.</summary>
    public string ConsentTextVersion { get; set; } = "2026-11";

    /// <summary>
    /// When the topic model gives a confidential topic (corruption) at least this confidence, even if another topic
    /// ranks first, the suggestion is held unpublished until a person chooses its topic.
    /// </summary>
    public double ConfidentialTopicBar { get; set; } = 0.2;

    /// <summary>The fewest confirmed suggestions the topic model is trained on.</summary>
    public int MinTrainingExamples { get; set; } = 30;

    /// <summary>The most public-form suggestions one node stores in one transaction (group commit, ADR 0007).</summary>
    public int WriteBatch { get; set; } = 500;

    /// <summary>
    /// How many writers of one node store the public form's batches: one builds its batch while another waits for the
    /// database (ADR 0011). One writer gives batches strictly one after the other.
    /// </summary>
    public int Writers { get; set; } = 2;
}

/// <summary>A suggestion as it arrives from any channel, before it is checked.</summary>
public sealed record SuggestionSubmission
{
    public required int ConsultationId { get; init; }

    public required SuggestionChannel Channel { get; init; }

    public required string Text { get; init; }

    public required string Language { get; init; }

    public int? DistrictId { get; init; }

    /// <summary>The place on the map, both coordinates or neither (WGS 84 degrees).</summary>
    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public bool Confidential { get; init; }

    public string? ContactName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public bool Consent { get; init; }

    /// <summary>The form's one-time key: the same key twice stores one suggestion.</summary>
    public Guid? SubmissionKey { get; init; }

    public int? MeetingId { get; init; }

    /// <summary>A topic chosen by the staff member who enters the suggestion.</summary>
    public int? TopicId { get; init; }

    /// <summary>The staff member who enters it; null for the citizen's own web form.</summary>
    public string? EnteredBy { get; init; }
}

/// <summary>The outcome of a submission: the stored suggestion's receipt code, or the problems by field (English resource keys).</summary>
public sealed record IntakeResult(string? PublicCode, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Accepted => PublicCode is not null;
}

/// <summary>
/// Takes a suggestion in from any channel: checks it, stores it once (a repeated form key returns the first
/// receipt), records the citizen's contact data with their consent, proposes a topic, and routes it when its topic
/// is chosen. Staff entry and e-mail store it in the caller's unit of work (<see cref="SubmitAsync"/>); the public form
/// through the group commit of <see cref="SuggestionWriter"/> (<see cref="SubmitFromFormAsync"/>).
/// </summary>
public sealed class SuggestionIntake(
    QalaDbContext db, SuggestionRouting routing, SuggestionWriter writer, AuditActorAccessor actors, TopicModelCache topicModels, TimeProvider time,
    IOptions<ParticipationOptions> options)
{
    public const int MaxNameLength = 200;
    public const int MaxPhoneLength = 40;

    private const string NotAccepting = "This consultation does not accept suggestions now.";

    /// <summary>Checks the submission and stores it with the caller's other changes (staff entry, e-mail).</summary>
    public async Task<IntakeResult> SubmitAsync(SuggestionSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.SubmissionKey is { } key && await ReceiptOfAsync(key, cancellationToken) is { } earlier)
        {
            return new IntakeResult(earlier, []);
        }

        var consultation = await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == submission.ConsultationId, cancellationToken);
        var (errors, accepted) = await CheckAsync(submission, consultation, null, cancellationToken);
        if (accepted is null)
        {
            return new IntakeResult(null, errors);
        }

        var suggestion = accepted.New(options.Value.ConsentTextVersion);
        if (submission.TopicId is { } topicId && await db.Set<Topic>().FirstOrDefaultAsync(t => t.Id == topicId, cancellationToken) is { } topic)
        {
            suggestion.ChooseTopic(topic, submission.EnteredBy!);
            await routing.RouteAsync(suggestion, cancellationToken);
        }
        else if (await ProposeTopicAsync(suggestion.Text, cancellationToken) is { } proposal)
        {
            suggestion.Suggest(proposal.Topic, proposal.Confidence);
        }

        db.Add(suggestion);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (submission.SubmissionKey is { } sameKey)
        {
            // The same form was posted twice at once: the other request stored it, unless something else failed.
            db.ChangeTracker.Clear();
            if (await ReceiptOfAsync(sameKey, cancellationToken) is not { } first)
            {
                throw;
            }

            return new IntakeResult(first, []);
        }

        return new IntakeResult(suggestion.PublicCode, []);
    }

    /// <summary>
    /// Checks a citizen's submission from the public form and stores it by group commit: the receipt comes back only
    /// once the suggestion is committed (or is the receipt of the suggestion stored earlier with the same form key).
    /// The form's page has found the consultation and its districts (<see cref="PublicConsultations"/>) and the topic
    /// model is the node's (<see cref="TopicModelCache"/>), so a post reads nothing from the database before it is
    /// queued; the writer's batch checks again that the consultation takes suggestions and turns the model's
    /// prediction into a topic.
    /// </summary>
    public async Task<IntakeResult> SubmitFromFormAsync(ConsultationForm form, SuggestionSubmission submission, CancellationToken cancellationToken)
    {
        var consultation = form.Consultation;
        ArgumentOutOfRangeException.ThrowIfNotEqual(submission.ConsultationId, consultation.Id);
        var (errors, accepted) = await CheckAsync(submission, consultation, form.Districts, cancellationToken);
        if (accepted is null)
        {
            return new IntakeResult(null, errors);
        }

        var consentVersion = options.Value.ConsentTextVersion;
        var prediction = await topicModels.CurrentAsync(db, cancellationToken) is { } model ? model.Predict(submission.Text.Trim()) : null;
        var code = await writer.StoreAsync(
            submission.SubmissionKey,
            async (batch, token) =>
            {
                if (!await batch.AcceptsAsync(consultation.Id, token))
                {
                    return null;
                }

                var suggestion = accepted.New(consentVersion);
                if (prediction is not null && await batch.ProposeAsync(prediction, token) is { } proposal)
                {
                    suggestion.Suggest(proposal.Topic, proposal.Confidence);
                }

                return suggestion;
            },
            actors.Current(),
            cancellationToken);
        return code is null ? new IntakeResult(null, [(string.Empty, NotAccepting)]) : new IntakeResult(code, []);
    }

    /// <summary>Checks the submission by field and, when it passes, what it becomes, its district included.</summary>
    private async Task<(IReadOnlyList<(string Field, string Message)> Errors, Accepted? Accepted)> CheckAsync(
        SuggestionSubmission submission, Consultation? consultation, IReadOnlyList<Territory>? districts, CancellationToken cancellationToken)
    {
        var errors = await ErrorsAsync(submission, consultation, districts, cancellationToken);
        if (errors.Count > 0)
        {
            return (errors, null);
        }

        var district = submission.DistrictId ?? await DistrictAtAsync(consultation!.TerritoryId, submission.Latitude, submission.Longitude, cancellationToken);
        return ([], new Accepted(submission, consultation!.Id, consultation.TerritoryId, district, time.GetUtcNow()));
    }

    /// <summary>The topic model's proposal for a suggestion stored in this unit of work (staff entry, e-mail).</summary>
    private async Task<TopicProposal?> ProposeTopicAsync(string text, CancellationToken cancellationToken) =>
        await topicModels.CurrentAsync(db, cancellationToken) is { } model
            ? TopicProposal.Of(model.Predict(text), await db.Set<Topic>().ToListAsync(cancellationToken), options.Value.ConfidentialTopicBar)
            : null;

    private Task<string?> ReceiptOfAsync(Guid key, CancellationToken cancellationToken) =>
        db.Set<Suggestion>().AsNoTracking().Where(s => s.SubmissionKey == key).Select(s => s.PublicCode).FirstOrDefaultAsync(cancellationToken);

    private async Task<List<(string Field, string Message)>> ErrorsAsync(
        SuggestionSubmission submission, Consultation? consultation, IReadOnlyList<Territory>? districts, CancellationToken cancellationToken)
    {
        var errors = new List<(string Field, string Message)>();
        if (consultation is null)
        {
            errors.Add((nameof(submission.ConsultationId), "This consultation does not exist."));
            return errors;
        }

        var fromStaff = submission.EnteredBy is not null;
        if (fromStaff ? consultation.Phase == ConsultationPhase.ReportPublished : !consultation.AcceptsSuggestions)
        {
            errors.Add((string.Empty, NotAccepting));
        }

        var text = submission.Text.Trim();
        if (text.Length < Suggestion.MinTextLength)
        {
            errors.Add((nameof(submission.Text), "Write your suggestion in at least 10 characters."));
        }
        else if (text.Length > Suggestion.MaxTextLength)
        {
            errors.Add((nameof(submission.Text), "A suggestion can be at most 5,000 characters long."));
        }

        if (submission.Email is { Length: > 0 } email && !IsEmail(email.Trim()))
        {
            errors.Add((nameof(submission.Email), "This is not a valid e-mail address."));
        }

        if (submission.Phone is { Length: > 0 } phone && (phone.Trim().Length > MaxPhoneLength || !phone.Trim().All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
        {
            errors.Add((nameof(submission.Phone), "A phone number has digits, spaces and + - ( ) only."));
        }

        if (submission.ContactName is { Length: > MaxNameLength })
        {
            errors.Add((nameof(submission.ContactName), "A name can be at most 200 characters long."));
        }

        if (HasContact(submission) && !submission.Consent && !fromStaff)
        {
            errors.Add((nameof(submission.Consent), "Give your consent to keep your contact details, or leave them out."));
        }

        if (submission.DistrictId is { } district
            && !(districts?.Any(t => t.Id == district) ?? await db.Set<Territory>().AnyAsync(t => t.Id == district && t.ParentId == consultation.TerritoryId, cancellationToken)))
        {
            errors.Add((nameof(submission.DistrictId), "Choose a district of this city."));
        }

        if (submission.Latitude is null != submission.Longitude is null)
        {
            errors.Add((submission.Latitude is null ? nameof(submission.Latitude) : nameof(submission.Longitude), "Give both coordinates of the place, or neither."));
        }

        if (submission.Latitude is { } latitude && (!double.IsFinite(latitude) || Math.Abs(latitude) > 90))
        {
            errors.Add((nameof(submission.Latitude), "The latitude is a number of degrees from -90 to 90."));
        }

        if (submission.Longitude is { } longitude && (!double.IsFinite(longitude) || Math.Abs(longitude) > 180))
        {
            errors.Add((nameof(submission.Longitude), "The longitude is a number of degrees from -180 to 180."));
        }

        if (submission.MeetingId is { } meeting && !await db.Set<ThematicMeeting>().AnyAsync(m => m.Id == meeting && m.ConsultationId == consultation.Id, cancellationToken))
        {
            errors.Add((nameof(submission.MeetingId), "Choose a meeting of this consultation."));
        }

        return errors;
    }

    /// <summary>The district whose outline holds the point, when the author marked a place but chose no district.</summary>
    private async Task<int?> DistrictAtAsync(int territoryId, double? latitude, double? longitude, CancellationToken cancellationToken)
    {
        if (latitude is not { } lat || longitude is not { } lon)
        {
            return null;
        }

        var outlines = await db.Set<DistrictOutline>().AsNoTracking()
            .Where(o => o.Territory!.ParentId == territoryId && o.Territory.ValidTo == null)
            .Select(o => new { o.TerritoryId, o.Geometry })
            .ToListAsync(cancellationToken);
        return outlines.FirstOrDefault(o => OutlineReader.Contains(o.Geometry, lat, lon))?.TerritoryId;
    }

    internal static bool HasContact(SuggestionSubmission submission) =>
        !string.IsNullOrWhiteSpace(submission.ContactName) || !string.IsNullOrWhiteSpace(submission.Email) || !string.IsNullOrWhiteSpace(submission.Phone);

    /// <summary>One address, as a mail server would take it: no display name, no spaces, a dot in the domain.</summary>
    public static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace);
}

/// <summary>A topic the model proposes for a suggestion, with its confidence.</summary>
internal sealed record TopicProposal(Topic Topic, double Confidence)
{
    /// <summary>
    /// The model's first topic, or a confidential topic that reaches <paramref name="confidentialBar"/> even if another
    /// ranks first — which holds the suggestion back until a person decides.
    /// </summary>
    public static TopicProposal? Of(TopicSuggestion prediction, IReadOnlyList<Topic> topics, double confidentialBar)
    {
        var confidential = topics.Where(t => t.IsConfidential && prediction.ConfidenceOf(t.Code) >= confidentialBar)
            .OrderByDescending(t => prediction.ConfidenceOf(t.Code)).FirstOrDefault();
        if (confidential is not null)
        {
            return new TopicProposal(confidential, prediction.ConfidenceOf(confidential.Code));
        }

        return topics.FirstOrDefault(t => t.Code == prediction.Label) is { } topic ? new TopicProposal(topic, prediction.Confidence) : null;
    }
}

/// <summary>A submission that passed the checks, and what its suggestion is made of.</summary>
internal sealed record Accepted(SuggestionSubmission Submission, int ConsultationId, int TerritoryId, int? DistrictId, DateTimeOffset At)
{
    /// <summary>A new suggestion of the submission (a fresh one each time, so that a retried batch starts clean).</summary>
    public Suggestion New(string consentTextVersion)
    {
        var submission = Submission;
        var suggestion = new Suggestion
        {
            ConsultationId = ConsultationId,
            Channel = submission.Channel,
            Text = submission.Text.Trim(),
            Language = submission.Language,
            TerritoryId = TerritoryId,
            DistrictId = DistrictId,
            Latitude = submission.Latitude,
            Longitude = submission.Longitude,
            MeetingId = submission.MeetingId,
            SubmittedAt = At,
            EnteredBy = submission.EnteredBy,
            SubmissionKey = submission.SubmissionKey,
        };
        if (submission.Confidential)
        {
            suggestion.MarkConfidential();
        }

        if (SuggestionIntake.HasContact(submission))
        {
            suggestion.Contact = new SuggestionContact
            {
                Name = Blank(submission.ContactName),
                Email = Blank(submission.Email),
                Phone = Blank(submission.Phone),
                ConsentPurpose = SuggestionContact.AnswerPurpose,
                ConsentTextVersion = consentTextVersion,
                ConsentGivenAt = At,
            };
        }

        return suggestion;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Sends a suggestion to the agency of its topic in its territory, with the answer deadline in working days.</summary>
public sealed class SuggestionRouting(QalaDbContext db, Deadlines deadlines, IOptions<ParticipationOptions> options)
{
    /// <summary>Routes the suggestion by its topic; false when the topic has no agency in the territory.</summary>
    public async Task<bool> RouteAsync(Suggestion suggestion, CancellationToken cancellationToken)
    {
        var agency = await db.Set<TopicRoute>().AsNoTracking()
            .Where(r => r.TopicId == suggestion.TopicId && r.TerritoryId == suggestion.TerritoryId).Select(r => (int?)r.AgencyId).FirstOrDefaultAsync(cancellationToken);
        if (agency is null)
        {
            return false;
        }

        await RouteToAsync(suggestion, agency.Value, cancellationToken);
        return true;
    }

    public async Task RouteToAsync(Suggestion suggestion, int agencyId, CancellationToken cancellationToken) =>
        suggestion.RouteTo(agencyId, await deadlines.AddWorkingDaysAsync(deadlines.Today, options.Value.AnswerWorkingDays, cancellationToken));
}
