using Qala.Web.Infrastructure.Jobs;

namespace Qala.Web.Features.Instructions;

public static class InstructionsFeature
{
    public static IServiceCollection AddQalaInstructions(this IServiceCollection services)
    {
        services.AddScoped<InstructionAccess>();
        services.AddScoped<Infrastructure.Files.IAttachmentOwner, InstructionFiles>();
        services.AddScoped<InstructionQueries>();
        services.AddScoped<MeetingRegistration>();
        services.AddScoped<InstructionControl>();
        services.AddScoped<InstructionLinks>();
        services.AddScoped<MeetingFacts>();
        services.AddScoped<Pages.NotificationCounter>();
        services.AddJob<InstructionReminderJob>(InstructionReminderJob.Schedule);
        return services;
    }
}
