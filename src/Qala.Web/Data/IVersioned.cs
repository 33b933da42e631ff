namespace Qala.Web.Data;

/// <summary>
/// An entity that people edit. Its <see cref="Version"/> changes on every save, so that a save based on a stale copy
/// fails with a concurrency conflict instead of silently overwriting someone else's change.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
