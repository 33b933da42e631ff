using System.Threading.RateLimiting;

namespace Qala.Web.Infrastructure.Auth;

/// <summary>
/// Forms anyone can post (sign-in now, citizens' suggestions later) accept a limited number of posts per client
/// address and minute; reading the form is never limited. Lockout protects one account, this protects all of them
/// from a password spray. Behind a proxy, enable forwarded headers so that the client's address is seen.
/// </summary>
public static class PublicFormLimits
{
    public const string Policy = "public-form";
    public const int PostsPerMinute = 10;

    public static IServiceCollection AddQalaRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = PostsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
}
