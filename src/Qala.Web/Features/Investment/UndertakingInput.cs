using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Qala.Engine.Investment;

namespace Qala.Web.Features.Investment;

/// <summary>One year's row of a form: planned and actual investment in tenge.</summary>
public sealed class YearInput
{
    public int? Year { get; set; }

    public decimal? Planned { get; set; }

    public decimal? Actual { get; set; }
}

/// <summary>The form fields a zone participant and a pipeline project share: the company, flags, jobs and money by year.</summary>
public sealed class UndertakingInput
{
    /// <summary>Empty year rows a form offers beyond the filled ones.</summary>
    public const int BlankYears = 3;

    public string? CompanyName { get; set; }

    public string? Bin { get; set; }

    public string? Oked { get; set; }

    public string? Description { get; set; }

    public bool IsAnchor { get; set; }

    public bool IsHighTech { get; set; }

    public bool IsExportOriented { get; set; }

    public int PlannedJobs { get; set; }

    public int ActualJobs { get; set; }

    public string? Latitude { get; set; }

    public string? Longitude { get; set; }

    public List<YearInput> Years { get; set; } = [];

    public IEnumerable<(int Year, decimal Planned, decimal Actual)> FilledYears =>
        Years.Where(y => y.Year is not null).Select(y => (y.Year!.Value, y.Planned ?? 0, y.Actual ?? 0));

    public static UndertakingInput From<TStep, TYear>(Undertaking<TStep, TYear> undertaking)
        where TStep : LifecycleEntry, new()
        where TYear : InvestmentYear, new() =>
        new UndertakingInput
        {
            CompanyName = undertaking.CompanyName,
            Bin = undertaking.Bin,
            Oked = undertaking.Oked,
            Description = undertaking.Description,
            IsAnchor = undertaking.IsAnchor,
            IsHighTech = undertaking.IsHighTech,
            IsExportOriented = undertaking.IsExportOriented,
            PlannedJobs = undertaking.PlannedJobs,
            ActualJobs = undertaking.ActualJobs,
            Latitude = Coordinates.Format(undertaking.Latitude),
            Longitude = Coordinates.Format(undertaking.Longitude),
            Years = [.. undertaking.Years.OrderBy(y => y.Year).Select(y => new YearInput { Year = y.Year, Planned = y.Planned, Actual = y.Actual })],
        }.WithBlankYears();

    public UndertakingInput WithBlankYears()
    {
        Years.RemoveAll(y => y.Year is null);
        Years.AddRange(Enumerable.Range(0, BlankYears).Select(_ => new YearInput()));
        return this;
    }

    /// <summary>Adds an error under <paramref name="prefix"/> for every field that cannot stand.</summary>
    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer t)
    {
        if (string.IsNullOrWhiteSpace(CompanyName))
        {
            state.AddModelError($"{prefix}.{nameof(CompanyName)}", t["Enter the company's name."]);
        }

        if (!Engine.Investment.Bin.IsValid(Engine.Investment.Bin.Normalize(Bin)))
        {
            state.AddModelError($"{prefix}.{nameof(Bin)}", t["The BIN must be 12 digits with a valid check digit."]);
        }

        if (!Engine.Investment.Oked.IsValid(Oked))
        {
            state.AddModelError($"{prefix}.{nameof(Oked)}", t["The OKED code must look like 10, 10.7, 10.71 or 10.71.1 and name an existing division."]);
        }

        if (UndertakingChecks.MoneyAndJobs(PlannedJobs, ActualJobs, FilledYears) is { } problem)
        {
            state.AddModelError($"{prefix}.{nameof(Years)}", t[problem]);
        }

        Coordinates.Validate(state, $"{prefix}.", Latitude, Longitude, t);

        if (FilledYears.GroupBy(y => y.Year).Any(g => g.Count() > 1))
        {
            state.AddModelError($"{prefix}.{nameof(Years)}", t["Each year appears once."]);
        }
    }

    public void ApplyTo<TStep, TYear>(Undertaking<TStep, TYear> undertaking)
        where TStep : LifecycleEntry, new()
        where TYear : InvestmentYear, new()
    {
        undertaking.CompanyName = CompanyName!.Trim();
        undertaking.Bin = Engine.Investment.Bin.Normalize(Bin);
        undertaking.Oked = Engine.Investment.Oked.Normalize(Oked)!;
        undertaking.Description = (Description ?? string.Empty).Trim();
        (undertaking.IsAnchor, undertaking.IsHighTech, undertaking.IsExportOriented) = (IsAnchor, IsHighTech, IsExportOriented);
        (undertaking.PlannedJobs, undertaking.ActualJobs) = (PlannedJobs, ActualJobs);
        (undertaking.Latitude, undertaking.Longitude) = (Coordinates.Parse(Latitude), Coordinates.Parse(Longitude));
        undertaking.SetYears(FilledYears);
    }
}

/// <summary>The fields of the lifecycle move form: the stage, its day and the reason.</summary>
public sealed class MoveInput
{
    public LifecycleStage To { get; set; }

    public DateOnly On { get; set; }

    public string? Reason { get; set; }
}

/// <summary>A recorded step's corrected day and why.</summary>
public sealed class CorrectionInput
{
    public long Step { get; set; }

    public DateOnly On { get; set; }

    public string? Reason { get; set; }
}
