using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qala.Engine.Indicators;
using Qala.Web.Data;

namespace Qala.Web.Features.Indicators;

public static class IndicatorsEndpoints
{
    public static RouteGroupBuilder MapIndicatorsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/indicators").WithTags("Indicators").AllowAnonymous();
        group.MapGet("/", ListAsync).WithSummary("The indicator catalog, with the number of current values of each indicator.");
        group.MapGet("/{code}/observations", ObservationsAsync)
            .WithSummary("The current values of an indicator with their periods, optionally for one territory (by its official code), a range of years and one combination of dimension values (\"SEX=F;URBANISATION=U\", empty for the total).");
        api.MapGet("/scorecards/{territory}", ScorecardAsync).WithTags("Indicators").AllowAnonymous()
            .WithSummary("A territory's indicators assessed against a target set (the given one, else the latest with targets for it), the lagging first: latest value, target, achievement %, status, direction of travel, forecast to the target year and rank among peer territories. kpi=true keeps the governors' KPIs.");
        return api;
    }

    public static async Task<Results<Ok<ScorecardResponse>, NotFound>> ScorecardAsync(
        Scorecards scorecards, string territory, int? set, bool? kpi, CancellationToken cancellationToken)
    {
        var scorecard = await scorecards.ForAsync(territory, set, kpi ?? false, cancellationToken);
        if (scorecard is null)
        {
            return TypedResults.NotFound();
        }

        var lines = scorecard.Lines.Select(l =>
        {
            var a = l.Assessment;
            return new ScorecardLineResponse(
                l.Indicator.Code, l.Indicator.Name, l.Indicator.Unit, l.Indicator.Polarity, a.Year, a.Actual, a.YearEarlier, a.Direction,
                a.Baseline?.Year, a.Baseline?.Value, a.Target?.Year, a.Target?.Target.Value, a.Target is { Target.Polarity: Polarity.TargetRange } t ? t.Target.Bounds.Upper : null,
                a.AchievementPercent, a.Progress, a.Status, a.Forecast?.Value, a.Forecast?.Lower, a.Forecast?.Upper, a.WillMiss, a.IsLagging, l.Rank, l.Peers);
        }).ToList();
        return TypedResults.Ok(new ScorecardResponse(scorecard.Territory.Code, scorecard.Territory.Name, scorecard.Set?.Id, scorecard.Set?.Name, scorecard.PeerKind, lines));
    }

    public static async Task<Ok<List<IndicatorResponse>>> ListAsync(QalaDbContext db, CancellationToken cancellationToken)
    {
        var catalog = await IndicatorQueries.CatalogAsync(db, cancellationToken);
        return TypedResults.Ok(catalog.Select(c => new IndicatorResponse(c.Indicator.Code, c.Indicator.Name, c.Indicator.Unit, c.Indicator.Polarity, c.Indicator.Source, c.Observations)).ToList());
    }

    public static async Task<Results<Ok<List<ObservationResponse>>, NotFound>> ObservationsAsync(
        QalaDbContext db, string code, string? territory, int? from, int? to, string? dimensions, CancellationToken cancellationToken)
    {
        var indicator = await db.Set<Indicator>().Where(i => i.Code == code).Select(i => new { i.Id, i.Periodicity }).SingleOrDefaultAsync(cancellationToken);
        if (indicator is null)
        {
            return TypedResults.NotFound();
        }

        var query = db.Set<Observation>().AsNoTracking().Where(o => o.IndicatorId == indicator.Id && o.IsCurrent);
        if (!string.IsNullOrEmpty(territory))
        {
            query = query.Where(o => o.Territory!.Code == territory);
        }

        if (from is { } first)
        {
            query = query.Where(o => o.Year >= first);
        }

        if (to is { } last)
        {
            query = query.Where(o => o.Year <= last);
        }

        if (dimensions is not null)
        {
            query = query.Where(o => o.Dimensions == dimensions);
        }

        var observations = await query
            .OrderBy(o => o.Territory!.Code).ThenBy(o => o.Year).ThenBy(o => o.PeriodNumber).ThenBy(o => o.Dimensions)
            .Select(o => new { Territory = o.Territory!.Code, o.Year, o.PeriodNumber, o.Dimensions, o.Value, o.Revision })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(observations
            .Select(o => new ObservationResponse(o.Territory, o.Year, Period.Of(indicator.Periodicity, o.Year, o.PeriodNumber).ToString(), o.Dimensions, o.Value, o.Revision))
            .ToList());
    }
}

public sealed record IndicatorResponse(string Code, LocalizedText Name, string? Unit, Polarity Polarity, string Source, int Observations);

/// <summary>A current value: <see cref="Period"/> is the text form (2024, 2024-Q2, 2024-03, 2024-W07, 2024-03-15).</summary>
public sealed record ObservationResponse(string TerritoryCode, int Year, string Period, string Dimensions, decimal Value, int Revision);

public sealed record ScorecardResponse(string TerritoryCode, LocalizedText TerritoryName, int? TargetSetId, LocalizedText? TargetSetName, string RankedAmong, List<ScorecardLineResponse> Lines);

public sealed record ScorecardLineResponse(
    string Code,
    LocalizedText Name,
    string? Unit,
    Polarity Polarity,
    int? Year,
    double? Value,
    double? YearEarlier,
    Direction Direction,
    int? BaselineYear,
    double? Baseline,
    int? TargetYear,
    double? Target,
    double? TargetUpper,
    double? AchievementPercent,
    double? Progress,
    IndicatorStatus Status,
    double? Forecast,
    double? ForecastLower,
    double? ForecastUpper,
    bool WillMiss,
    bool Lagging,
    int? Rank,
    int RankedOf);
