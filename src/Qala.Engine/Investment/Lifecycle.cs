namespace Qala.Engine.Investment;

/// <summary>Where a zone participant or an investment project is in its life.</summary>
public enum LifecycleStage
{
    /// <summary>It has applied (to the zone's management company, or to the akimat for a project).</summary>
    Applied,

    /// <summary>It is registered: a zone participant with a contract, a project in the pipeline.</summary>
    Registered,

    /// <summary>Its plant or facility is being built.</summary>
    UnderConstruction,

    /// <summary>It is commissioned and operating.</summary>
    Commissioned,

    /// <summary>It withdrew of its own accord.</summary>
    Withdrawn,

    /// <summary>It was excluded (a zone's participant for breaking its contract, a project for failing its terms).</summary>
    Excluded,
}

/// <summary>One step of a lifecycle: the stage reached and the day it was reached.</summary>
public sealed record LifecycleStep(LifecycleStage Stage, DateOnly On);

/// <summary>The moves a lifecycle allows: forward one stage at a time, and out (withdrawn, excluded) from any open stage.</summary>
public static class Lifecycle
{
    /// <summary>The stages one may move to from <paramref name="stage"/>.</summary>
    public static IReadOnlyList<LifecycleStage> NextOf(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Applied => [LifecycleStage.Registered, LifecycleStage.Withdrawn, LifecycleStage.Excluded],
        LifecycleStage.Registered => [LifecycleStage.UnderConstruction, LifecycleStage.Commissioned, LifecycleStage.Withdrawn, LifecycleStage.Excluded],
        LifecycleStage.UnderConstruction => [LifecycleStage.Commissioned, LifecycleStage.Withdrawn, LifecycleStage.Excluded],
        LifecycleStage.Commissioned => [LifecycleStage.Withdrawn, LifecycleStage.Excluded],
        LifecycleStage.Withdrawn or LifecycleStage.Excluded => [],
    };

    /// <summary>Whether the stage counts as being in the registry: registered, under construction or commissioned.</summary>
    public static bool IsRegistered(LifecycleStage stage) =>
        stage is LifecycleStage.Registered or LifecycleStage.UnderConstruction or LifecycleStage.Commissioned;

    /// <summary>
    /// Why <paramref name="steps"/> (in the order they happened) are not a history the lifecycle allows, or null when
    /// they are: the first step is applied or registered, every next one is allowed from the one before, and no step
    /// is dated before the one before it.
    /// </summary>
    public static string? Check(IReadOnlyList<LifecycleStep> steps)
    {
        if (steps.Count == 0)
        {
            return "A lifecycle starts with an application or a registration.";
        }

        if (steps[0].Stage is not (LifecycleStage.Applied or LifecycleStage.Registered))
        {
            return "A lifecycle starts with an application or a registration.";
        }

        for (var i = 1; i < steps.Count; i++)
        {
            if (!NextOf(steps[i - 1].Stage).Contains(steps[i].Stage))
            {
                return "This stage cannot follow the one before it.";
            }

            if (steps[i].On < steps[i - 1].On)
            {
                return "A stage cannot be dated before the one before it.";
            }
        }

        return null;
    }

    /// <summary>The stage reached by <paramref name="asOf"/>, or null when the history had not started by then.</summary>
    public static LifecycleStage? StageOn(IReadOnlyList<LifecycleStep> steps, DateOnly asOf) =>
        steps.LastOrDefault(s => s.On <= asOf)?.Stage;

    /// <summary>The day the history first reached <paramref name="stage"/> by <paramref name="asOf"/>.</summary>
    public static DateOnly? FirstOn(IReadOnlyList<LifecycleStep> steps, LifecycleStage stage, DateOnly asOf) =>
        steps.FirstOrDefault(s => s.Stage == stage && s.On <= asOf)?.On;
}
