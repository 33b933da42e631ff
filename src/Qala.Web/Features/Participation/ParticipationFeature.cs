using Qala.Web.Infrastructure.Privacy;

namespace Qala.Web.Features.Participation;

public static class ParticipationFeature
{
    public static IHostApplicationBuilder AddQalaParticipation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ParticipationOptions>().Bind(builder.Configuration.GetSection("Qala:Participation"))
            .Validate(o => o.AnswerWorkingDays is > 0 and <= 90 && !string.IsNullOrWhiteSpace(o.ConsentTextVersion),
                "Qala:Participation: AnswerWorkingDays is 1–90 and ConsentTextVersion is set.")
            .ValidateOnStart();
        builder.Services.AddScoped<SuggestionIntake>();
        builder.Services.AddScoped<SuggestionRouting>();
        builder.Services.AddScoped<SuggestionAnswers>();
        builder.Services.AddScoped<ConsultationFigures>();
        builder.Services.AddScoped<IPersonalDataSource, SuggestionPersonalData>();
        return builder;
    }
}
