using Qala.Web.Features.Participation.Mail;
using Qala.Web.Infrastructure.Jobs;
using Qala.Web.Infrastructure.Privacy;

namespace Qala.Web.Features.Participation;

public static class ParticipationFeature
{
    public static IHostApplicationBuilder AddQalaParticipation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ParticipationOptions>().Bind(builder.Configuration.GetSection("Qala:Participation"))
            .Validate(
                o => o.AnswerWorkingDays is > 0 and <= 90 && !string.IsNullOrWhiteSpace(o.ConsentTextVersion) && o.ConfidentialTopicBar is > 0 and <= 1 && o.MinTrainingExamples >= 2 && o.WriteBatch > 0
                     && o.Writers is >= 1 and <= 16,
                "Qala:Participation: AnswerWorkingDays is 1–90, ConsentTextVersion is set, ConfidentialTopicBar is in (0, 1], MinTrainingExamples is at least 2, WriteBatch is positive, Writers is 1–16.")
            .ValidateOnStart();
        builder.Services.AddScoped<SuggestionIntake>();
        builder.Services.AddSingleton<SuggestionWriter>();
        builder.Services.AddSingleton<PublicConsultations>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SuggestionWriter>());
        builder.Services.AddScoped<SuggestionRouting>();
        builder.Services.AddScoped<SuggestionAnswers>();
        builder.Services.AddScoped<ConsultationFigures>();
        builder.Services.AddSingleton<DuplicateGroupCache>();
        builder.Services.AddScoped<DuplicateGroups>();
        builder.Services.AddSingleton<TopicModelCache>();
        builder.Services.AddScoped<TopicTraining>();
        builder.Services.AddJob<TopicTrainingJob>(TopicTrainingJob.Schedule);
        builder.Services.AddScoped<IPersonalDataSource, SuggestionPersonalData>();
        var mail = builder.Configuration.GetSection("Qala:MailIntake");
        builder.Services.AddOptions<MailIntakeOptions>().Bind(mail)
            .Validate(o => o.PollSeconds >= 5 && o.MaxMessageBytes > 0 && o.BatchSize > 0 && o.TimeoutSeconds > 0, "Qala:MailIntake: PollSeconds is at least 5; MaxMessageBytes, BatchSize and TimeoutSeconds are positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<MailboxSecrets>();
        builder.Services.AddScoped<Infrastructure.Files.IAttachmentOwner, SuggestionFiles>();
        builder.Services.AddScoped<MailboxConnector>();
        builder.Services.AddScoped<MailboxIntake>();
        builder.Services.AddJob<MailIntakeJob>(MailIntakeJob.Schedule(mail.Get<MailIntakeOptions>() ?? new MailIntakeOptions()));
        return builder;
    }
}
