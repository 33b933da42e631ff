namespace Qala.Web.Infrastructure.Files;

public static class FileServices
{
    public static IHostApplicationBuilder AddQalaFiles(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AttachmentOptions>()
            .Bind(builder.Configuration.GetSection(AttachmentOptions.Section))
            .Validate(o => o.MaxBytes is > 0 and < int.MaxValue, $"{AttachmentOptions.Section}:MaxBytes must be between 1 and {int.MaxValue} bytes.")
            .ValidateOnStart();
        builder.Services.AddScoped<AttachmentStore>();
        return builder;
    }
}
