using System.Security.Claims;

namespace Qala.Web.Data.Audit;

/// <summary>Who is changing data right now, and from where.</summary>
public sealed record AuditActor(string? UserId, string? UserName, string? Address);

/// <summary>
/// The signed-in user and client address of the current request; outside a request (start-up, command-line verbs,
/// background jobs) the actor is the system, named after the process.
/// </summary>
public sealed class AuditActorAccessor(IHttpContextAccessor http)
{
    public AuditActor Current()
    {
        var context = http.HttpContext;
        if (context is null)
        {
            return new AuditActor(null, "system", Environment.MachineName);
        }

        var user = context.User;
        return new AuditActor(
            user.FindFirstValue(ClaimTypes.NameIdentifier),
            user.Identity?.IsAuthenticated == true ? user.Identity.Name : "anonymous",
            context.Connection.RemoteIpAddress?.ToString());
    }
}
