using System.Runtime.CompilerServices;
using System.Security.Claims;

namespace Qala.Web.Data.Audit;

/// <summary>Who is changing data right now, and from where.</summary>
public sealed record AuditActor(string? UserId, string? UserName, string? Address);

/// <summary>
/// The signed-in user and client address of the current request; outside a request (start-up, command-line verbs,
/// background jobs) the actor is the system, named after the process. A row written later on a request's behalf (a
/// suggestion stored by the group commit) keeps that request's actor.
/// </summary>
public sealed class AuditActorAccessor(IHttpContextAccessor http)
{
    private readonly ConditionalWeakTable<object, AuditActor> onBehalf = [];

    /// <summary>The audit entry of this entity's next save names <paramref name="actor"/>, whoever saves it.</summary>
    public void Attribute(object entity, AuditActor actor) => onBehalf.AddOrUpdate(entity, actor);

    /// <summary>Who changes this entity: the actor it was attributed to, or the current one.</summary>
    public AuditActor Of(object entity) => onBehalf.TryGetValue(entity, out var actor) ? actor : Current();

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
