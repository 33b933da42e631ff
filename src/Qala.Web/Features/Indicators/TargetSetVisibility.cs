using System.Security.Claims;

namespace Qala.Web.Features.Indicators;

/// <summary>
/// Which target sets a reader may not see yet. A feature that owns target sets registers one (programs: a version's
/// targets are seen by the program's readers only until the version is approved and the program public); sets no
/// feature hides are public, like the statistics they are compared with.
/// </summary>
public interface ITargetSetVisibility
{
    Task<IReadOnlySet<int>> HiddenFromAsync(ClaimsPrincipal reader, CancellationToken cancellationToken);
}

/// <summary>The target sets hidden from the current request's reader, by every feature that owns sets; asked once per request.</summary>
public sealed class HiddenTargetSets(IEnumerable<ITargetSetVisibility> owners, IHttpContextAccessor http)
{
    private IReadOnlySet<int>? hidden;

    public async Task<IReadOnlySet<int>> OfReaderAsync(CancellationToken cancellationToken)
    {
        if (hidden is null)
        {
            var reader = http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
            var all = new HashSet<int>();
            foreach (var owner in owners)
            {
                all.UnionWith(await owner.HiddenFromAsync(reader, cancellationToken));
            }

            hidden = all;
        }

        return hidden;
    }
}
