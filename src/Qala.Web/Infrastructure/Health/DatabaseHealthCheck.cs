using Microsoft.Extensions.Diagnostics.HealthChecks;
using Qala.Web.Data;

namespace Qala.Web.Infrastructure.Health;

/// <summary><c>/health</c> is healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(QalaDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
