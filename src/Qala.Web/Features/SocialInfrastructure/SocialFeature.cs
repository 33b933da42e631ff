namespace Qala.Web.Features.SocialInfrastructure;

public static class SocialFeature
{
    public static IHostApplicationBuilder AddQalaSocialInfrastructure(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SocialOptions>().Bind(builder.Configuration.GetSection(SocialOptions.Section))
            .Validate(o => o.IsValid, $"{SocialOptions.Section}: norms and MaxSnapDistance are metres above zero.")
            .ValidateOnStart();
        builder.Services.AddSingleton<NetworkCache>();
        builder.Services.AddSingleton<AccessReportCache>();
        builder.Services.AddScoped<SocialAccess>();
        builder.Services.AddScoped<SocialAnalysis>();
        builder.Services.AddScoped<SocialStore>();
        builder.Services.AddScoped<SocialIndicators>();
        builder.Services.AddScoped<FacilityImport>();
        builder.Services.AddScoped<DemandImport>();
        builder.Services.AddScoped<Data.Seeding.DemoSocialInfrastructure>();
        return builder;
    }
}
