namespace Qala.Web.Features.Investment;

public static class InvestmentFeature
{
    public static IServiceCollection AddQalaInvestment(this IServiceCollection services)
    {
        services.AddScoped<InvestmentAccess>();
        services.AddScoped<PppBacklinks>();
        services.AddScoped<ZoneDashboards>();
        services.AddScoped<InvestmentChoices>();
        services.AddScoped<ParticipantImport>();
        services.AddScoped<ProjectImport>();
        services.AddScoped<InvestmentIndicators>();
        services.AddScoped<InvestmentMap>();
        services.AddOptions<InvestmentMapOptions>().BindConfiguration(InvestmentMapOptions.Section);
        return services;
    }
}
