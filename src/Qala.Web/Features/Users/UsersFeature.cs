namespace Qala.Web.Features.Users;

public static class UsersFeature
{
    public static IHostApplicationBuilder AddQalaUsers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AdministratorBootstrap>();
        builder.Services.AddScoped<Invitation>();
        builder.AddQalaScopes();
        builder.Services.AddScoped<Infrastructure.Privacy.IPersonalDataSource, UserPersonalData>();
        return builder;
    }
}
