using Qala.Web.Infrastructure.Jobs;
using Qala.Web.Infrastructure.Privacy;

namespace Qala.Web.Features.Participation;

public static class ParticipationFeature
{
    public static IHostApplicationBuilder AddQalaParticipation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ParticipationOptions>().Bind(builder.Configuration.GetSection("Qala:Participation"))
            .Validate(
                o => o.AnswerWorkingDays is > 0 and <= 90 && !string.IsNullOrWhiteSpace(o.ConsentTextVersion) && o.ConfidentialTopicBar is > 0 and <= 1 && o.MinTrainingExamples >= 2,
                "Qala:Participation: AnswerWorkingDays is 1–90, ConsentTextVersion is set, ConfidentialTopicBar is in (0, 1], MinTrainingExamples is at least 2.")
            .ValidateOnStart();
        builder.Services.AddScoped<SuggestionIntake>();
        builder.Services.AddScoped<SuggestionRouting>();
        builder.Services.AddScoped<SuggestionAnswers>();
        builder.Services.AddScoped<ConsultationFigures>();
        builder.Services.AddSingleton<TopicModelCache>();
        builder.Services.AddScoped<TopicTraining>();
        builder.Services.AddJob<TopicTrainingJob>(TopicTrainingJob.Schedule);
        builder.Services.AddScoped<IPersonalDataSource, SuggestionPersonalData>();
        return builder;
    }
}
