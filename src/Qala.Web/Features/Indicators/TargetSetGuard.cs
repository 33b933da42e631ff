namespace Qala.Web.Features.Indicators;

/// <summary>
/// Says whether a target set may change now. A feature that owns target sets registers one (programs own the sets of
/// their versions: an approved version's targets change only through an amendment); sets no guard claims are free.
/// </summary>
public interface ITargetSetGuard
{
    /// <summary>Why the set cannot change now (an English resource key), or null when it can.</summary>
    Task<string?> RefusalAsync(int targetSetId, CancellationToken cancellationToken);
}
