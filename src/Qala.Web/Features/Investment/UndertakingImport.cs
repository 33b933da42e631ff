using System.Globalization;
using System.Text.RegularExpressions;
using Qala.Engine.Investment;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.Investment;

/// <summary>What a row of a participant or project list states about the company, its lifecycle and its money.</summary>
public sealed record UndertakingRow(
    string CompanyName, string Bin, string Oked, string Description, bool IsAnchor, bool IsHighTech, bool IsExportOriented,
    int PlannedJobs, int ActualJobs, double? Latitude, double? Longitude, IReadOnlyList<LifecycleStep> Steps, IReadOnlyList<(int Year, decimal Planned, decimal Actual)> Years,
    IReadOnlySet<string> Columns)
{
    /// <summary>Whether the file has the column: an update changes only the columns the file has.</summary>
    public bool Has(string column) => Columns.Contains(column);

    public LifecycleStage Stage => Steps[^1].Stage;
}

/// <summary>
/// Reads the columns participant and project lists share: <c>company</c>, <c>bin</c> (12 digits with a valid check
/// digit), <c>oked</c>, <c>project</c>, the flags <c>anchor</c>, <c>high_tech</c>, <c>export_oriented</c> (yes/no,
/// true/false, 1/0), <c>planned_jobs</c>, <c>actual_jobs</c>, <c>status</c> (applied, registered, under construction,
/// operating, withdrawn, excluded), the days of the stages <c>applied</c>, <c>registered</c>,
/// <c>construction_started</c>, <c>commissioned</c>, <c>left</c> (ISO dates or dd.MM.yyyy), and money by year in
/// columns <c>planned_2024</c>, <c>actual_2024</c>…, in tenge, and optionally <c>lat</c> and <c>lon</c> (degrees, both or
/// neither) to place it on the map. The status needs the day of its stage ("operating"
/// needs a commissioning date); the days go in the lifecycle's order, and a day of a stage the status has not
/// reached is refused.
/// </summary>
public static partial class UndertakingColumns
{
    public const string Company = "company";
    public const string Bin = "bin";
    public const string Oked = "oked";
    public const string Status = "status";
    public const string Registered = "registered";
    public const string Project = "project";
    public const string Anchor = "anchor";
    public const string HighTech = "high_tech";
    public const string ExportOriented = "export_oriented";
    public const string PlannedJobs = "planned_jobs";
    public const string ActualJobs = "actual_jobs";
    public const string Latitude = "lat";
    public const string Longitude = "lon";

    public static IReadOnlyList<string> Required { get; } = [Company, Bin, Oked, Status];

    private static readonly (string Column, LifecycleStage Stage)[] StageColumns =
    [
        ("applied", LifecycleStage.Applied), (Registered, LifecycleStage.Registered), ("construction_started", LifecycleStage.UnderConstruction),
        ("commissioned", LifecycleStage.Commissioned), ("left", LifecycleStage.Withdrawn),
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "yyyy-MM-ddTHH:mm:ss"];

    public static UndertakingRow? Parse(TabularRow row, List<ImportError> errors)
    {
        var before = errors.Count;
        void Fail(TabularCell cell, string message) => errors.Add(new ImportError(row.RowNumber, cell.Column.Name, cell.Value.Trim(), message));

        var company = row[Company];
        if (company.IsEmpty || company.Value.Trim().Length > Undertaking<ParticipantStep, ParticipantYear>.CompanyNameLength)
        {
            Fail(company, "Enter the company's name (up to 300 characters).");
        }

        var binCell = row[Bin];
        var bin = Engine.Investment.Bin.Normalize(binCell.Value);
        if (!Engine.Investment.Bin.IsValid(bin))
        {
            Fail(binCell, "The BIN must be 12 digits with a valid check digit.");
        }

        var okedCell = row[Oked];
        var oked = Engine.Investment.Oked.Normalize(okedCell.Value);
        if (oked is null)
        {
            Fail(okedCell, "The OKED code must look like 10, 10.7, 10.71 or 10.71.1 and name an existing division.");
        }

        var statusCell = row[Status];
        var status = StatusOf(statusCell.Value);
        if (status is null)
        {
            Fail(statusCell, "The status must be applied, registered, under construction, operating, withdrawn or excluded.");
        }

        var steps = new List<LifecycleStep>();
        var days = new List<(TabularCell Cell, LifecycleStage Stage, DateOnly Day)>();
        foreach (var (column, stage) in StageColumns)
        {
            if (row.Find(column) is not { IsEmpty: false } cell)
            {
                continue;
            }

            if (!DateOnly.TryParseExact(cell.Value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                Fail(cell, "The date is not a date (2024-05-31 or 31.05.2024).");
                continue;
            }

            days.Add((cell, stage == LifecycleStage.Withdrawn && status == LifecycleStage.Excluded ? LifecycleStage.Excluded : stage, day));
        }

        if (status is { } reached)
        {
            var order = Order(reached);
            foreach (var (cell, stage, _) in days.Where(d => Order(d.Stage) > order))
            {
                Fail(cell, "The status has not reached this stage: leave the date empty or change the status.");
            }

            var needed = reached is LifecycleStage.Withdrawn or LifecycleStage.Excluded ? "left" : StageColumns.First(c => c.Stage == reached).Column;
            if (days.All(d => !string.Equals(d.Cell.Column.Name, needed, StringComparison.OrdinalIgnoreCase)))
            {
                var message = reached == LifecycleStage.Commissioned ? "An operating participant needs a commissioning date." : "The status needs the date of its stage.";
                errors.Add(new ImportError(row.RowNumber, needed, null, message));
            }

            for (var i = 1; i < days.Count; i++)
            {
                if (days[i].Day < days[i - 1].Day)
                {
                    var message = days[i].Stage == LifecycleStage.Commissioned && days[i - 1].Stage == LifecycleStage.Registered
                        ? "The commissioning date is before the registration date."
                        : "This date is before the date of an earlier stage.";
                    Fail(days[i].Cell, message);
                }
            }

            steps.AddRange(days.Where(d => Order(d.Stage) <= order).Select(d => new LifecycleStep(d.Stage, d.Day)));
            if (errors.Count == before && Lifecycle.Check(steps) is { } problem)
            {
                errors.Add(new ImportError(row.RowNumber, Status, statusCell.Value.Trim(), problem));
            }
        }

        var plannedJobs = Count(row, PlannedJobs, errors);
        var actualJobs = Count(row, ActualJobs, errors);
        var years = new SortedDictionary<int, (decimal Planned, decimal Actual)>();
        foreach (var column in row.Header.Columns)
        {
            if (MoneyColumn().Match(column.Name) is not { Success: true } match)
            {
                continue;
            }

            var cell = row[column.Name];
            if (cell.IsEmpty)
            {
                continue;
            }

            if (!decimal.TryParse(cell.Value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || Math.Abs(amount) >= 1_000_000_000_000_000m)
            {
                Fail(cell, "The amount is not a number of tenge.");
                continue;
            }

            if (amount < 0)
            {
                Fail(cell, "Investment cannot be negative.");
                continue;
            }

            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            var (planned, actual) = years.GetValueOrDefault(year);
            years[year] = string.Equals(match.Groups["kind"].Value, "planned", StringComparison.OrdinalIgnoreCase) ? (amount, actual) : (planned, amount);
        }

        var (latitude, longitude) = Place(row, errors);
        if (errors.Count > before)
        {
            return null;
        }

        return new UndertakingRow(
            company.Value.Trim(), bin, oked!, (row.Find(Project)?.Value ?? string.Empty).Trim(),
            Flag(row, Anchor), Flag(row, HighTech), Flag(row, ExportOriented), plannedJobs, actualJobs, latitude, longitude, steps,
            [.. years.Select(y => (y.Key, y.Value.Planned, y.Value.Actual))],
            row.Header.Columns.Select(c => c.Name.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The stages a row adds to a recorded lifecycle (<paramref name="recorded"/>, in the order they happened), or why it
    /// cannot, by row and column: a stage dated in the row and in the record must have the recorded day (a wrong day is corrected on the page,
    /// with its reason), the record may not be further along than the row's status, and the added stages must
    /// continue the record as the lifecycle allows.
    /// </summary>
    public static IReadOnlyList<LifecycleStep> Continuation(IReadOnlyList<LifecycleStep> recorded, UndertakingRow row, int rowNumber, List<ImportError> errors)
    {
        var before = errors.Count;
        foreach (var step in row.Steps)
        {
            if (recorded.FirstOrDefault(r => r.Stage == step.Stage) is { } known && known.On != step.On)
            {
                errors.Add(new ImportError(rowNumber, ColumnOf(step.Stage), Day(step.On),
                    "The recorded date of this stage is {0}: correct it on the participant's page, with its reason.", [Day(known.On)]));
            }
        }

        var added = row.Steps.Where(s => recorded.All(r => r.Stage != s.Stage)).ToList();
        if (errors.Count == before && (Order(recorded[^1].Stage) > Order(row.Stage) || Lifecycle.Check([.. recorded, .. added]) is not null))
        {
            errors.Add(new ImportError(rowNumber, Status, StatusText(row.Stage),
                "The status does not continue the recorded lifecycle: {0} since {1}.", [StatusText(recorded[^1].Stage), Day(recorded[^1].On)]));
        }

        return errors.Count > before ? [] : added;
    }

    /// <summary>What a row changes in a known participant or project, column by column ("actual_jobs: 75 → 90"), among the columns the file has.</summary>
    public static List<string> Changes<TStep, TYear>(UndertakingRow row, Undertaking<TStep, TYear> known, IReadOnlyList<LifecycleStep> added)
        where TStep : LifecycleEntry, new()
        where TYear : InvestmentYear, new()
    {
        var changes = new List<string>();
        void Compare<T>(string column, T was, T now)
        {
            if (row.Has(column) && !EqualityComparer<T>.Default.Equals(was, now))
            {
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"{column}: {was} → {now}"));
            }
        }

        Compare(Oked, known.Oked, row.Oked);
        Compare(Project, known.Description, row.Description);
        Compare(Anchor, known.IsAnchor, row.IsAnchor);
        Compare(HighTech, known.IsHighTech, row.IsHighTech);
        Compare(ExportOriented, known.IsExportOriented, row.IsExportOriented);
        Compare(PlannedJobs, known.PlannedJobs, row.PlannedJobs);
        Compare(ActualJobs, known.ActualJobs, row.ActualJobs);
        if (row.Has(Latitude) || row.Has(Longitude))
        {
            var (was, now) = ((known.Latitude, known.Longitude), (row.Latitude, row.Longitude));
            if (was != now)
            {
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"{Latitude}/{Longitude}: {was.Latitude}/{was.Longitude} → {now.Latitude}/{now.Longitude}"));
            }
        }

        var years = known.Years.ToDictionary(y => y.Year, y => (y.Planned, y.Actual));
        var merged = MergedYears(known, row);
        foreach (var year in years.Keys.Union(merged.Keys).Order())
        {
            var (was, now) = (years.GetValueOrDefault(year), merged.GetValueOrDefault(year));
            Compare($"planned_{year}", was.Planned, now.Planned);
            Compare($"actual_{year}", was.Actual, now.Actual);
        }

        if (added.Count > 0)
        {
            changes.Add($"{Status}: {StatusText(known.Stage)} → {string.Join(", ", added.Select(s => $"{StatusText(s.Stage)} {Day(s.On)}"))}");
        }

        return changes;
    }

    /// <summary>Updates a known participant or project with the columns the file has and moves it through the stages the row adds.</summary>
    public static void Update<TStep, TYear>(UndertakingRow row, Undertaking<TStep, TYear> known, IReadOnlyList<LifecycleStep> added, string by, DateTimeOffset at, string reason)
        where TStep : LifecycleEntry, new()
        where TYear : InvestmentYear, new()
    {
        known.Oked = row.Oked;
        known.Description = row.Has(Project) ? row.Description : known.Description;
        known.IsAnchor = row.Has(Anchor) ? row.IsAnchor : known.IsAnchor;
        known.IsHighTech = row.Has(HighTech) ? row.IsHighTech : known.IsHighTech;
        known.IsExportOriented = row.Has(ExportOriented) ? row.IsExportOriented : known.IsExportOriented;
        known.PlannedJobs = row.Has(PlannedJobs) ? row.PlannedJobs : known.PlannedJobs;
        known.ActualJobs = row.Has(ActualJobs) ? row.ActualJobs : known.ActualJobs;
        if (row.Has(Latitude) || row.Has(Longitude))
        {
            (known.Latitude, known.Longitude) = (row.Latitude, row.Longitude);
        }

        known.SetYears([.. MergedYears(known, row).Select(y => (y.Key, y.Value.Planned, y.Value.Actual))]);
        foreach (var step in added)
        {
            if (known.MoveTo(step.Stage, step.On, reason, by, at) is { } problem)
            {
                throw new InvalidOperationException(problem);
            }
        }
    }

    /// <summary>
    /// The known years with the amounts of the file's money columns over them: a column the file has sets its year's
    /// amount (an empty cell is zero), a year left with nothing planned or spent goes, and the other years stay.
    /// </summary>
    private static SortedDictionary<int, (decimal Planned, decimal Actual)> MergedYears<TStep, TYear>(Undertaking<TStep, TYear> known, UndertakingRow row)
        where TStep : LifecycleEntry, new()
        where TYear : InvestmentYear, new()
    {
        var merged = new SortedDictionary<int, (decimal Planned, decimal Actual)>(known.Years.ToDictionary(y => y.Year, y => (y.Planned, y.Actual)));
        var given = row.Years.ToDictionary(y => y.Year);
        var touched = new HashSet<int>();
        foreach (var column in row.Columns)
        {
            if (MoneyColumn().Match(column) is not { Success: true } match)
            {
                continue;
            }

            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            var planned = string.Equals(match.Groups["kind"].Value, "planned", StringComparison.OrdinalIgnoreCase);
            var amount = given.TryGetValue(year, out var value) ? (planned ? value.Planned : value.Actual) : 0;
            var (was, spent) = merged.GetValueOrDefault(year);
            merged[year] = planned ? (amount, spent) : (was, amount);
            touched.Add(year);
        }

        foreach (var year in touched.Where(y => merged[y] == (0, 0)))
        {
            merged.Remove(year);
        }

        return merged;
    }

    private static string ColumnOf(LifecycleStage stage) =>
        stage is LifecycleStage.Excluded ? "left" : StageColumns.First(c => c.Stage == stage).Column;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A stage as a file's status column writes it.</summary>
    public static string StatusText(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Applied => "applied",
        LifecycleStage.Registered => "registered",
        LifecycleStage.UnderConstruction => "under construction",
        LifecycleStage.Commissioned => "operating",
        LifecycleStage.Withdrawn => "withdrawn",
        LifecycleStage.Excluded => "excluded",
    };

    /// <summary>Fills a participant or project from a row: its company, flags, jobs, money and (for a new one) its lifecycle.</summary>
    public static void ApplyTo<TStep, TYear>(UndertakingRow row, Undertaking<TStep, TYear> undertaking, string by, DateTimeOffset at, string reason)
        where TStep : LifecycleEntry, new()
        where TYear : InvestmentYear, new()
    {
        undertaking.CompanyName = row.CompanyName;
        undertaking.Bin = row.Bin;
        undertaking.Oked = row.Oked;
        undertaking.Description = row.Description;
        (undertaking.IsAnchor, undertaking.IsHighTech, undertaking.IsExportOriented) = (row.IsAnchor, row.IsHighTech, row.IsExportOriented);
        (undertaking.PlannedJobs, undertaking.ActualJobs) = (row.PlannedJobs, row.ActualJobs);
        (undertaking.Latitude, undertaking.Longitude) = (row.Latitude, row.Longitude);
        undertaking.SetYears(row.Years);
        undertaking.Start(row.Steps[0].Stage, row.Steps[0].On, reason, by, at);
        foreach (var step in row.Steps.Skip(1))
        {
            undertaking.MoveTo(step.Stage, step.On, reason, by, at);
        }
    }

    public static LifecycleStage? StatusOf(string text) => text.Trim().ToLowerInvariant().Replace('_', ' ') switch
    {
        "applied" => LifecycleStage.Applied,
        "registered" => LifecycleStage.Registered,
        "under construction" or "underconstruction" => LifecycleStage.UnderConstruction,
        "operating" or "commissioned" => LifecycleStage.Commissioned,
        "withdrawn" => LifecycleStage.Withdrawn,
        "excluded" => LifecycleStage.Excluded,
        _ => null,
    };

    private static int Order(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Applied => 0,
        LifecycleStage.Registered => 1,
        LifecycleStage.UnderConstruction => 2,
        LifecycleStage.Commissioned => 3,
        LifecycleStage.Withdrawn or LifecycleStage.Excluded => 4,
    };

    /// <summary>The optional coordinates: each in its range, both or neither; an error names the cell at fault.</summary>
    private static (double? Latitude, double? Longitude) Place(TabularRow row, List<ImportError> errors)
    {
        var latitudeCell = row.Find(Latitude);
        var longitudeCell = row.Find(Longitude);
        var latitude = Coordinates.Parse(latitudeCell?.Value);
        var longitude = Coordinates.Parse(longitudeCell?.Value);
        var before = errors.Count;
        if (Coordinates.CheckLatitude(latitude) is { } latitudeProblem)
        {
            errors.Add(new ImportError(row.RowNumber, Latitude, latitudeCell?.Value.Trim(), latitudeProblem));
        }

        if (Coordinates.CheckLongitude(longitude) is { } longitudeProblem)
        {
            errors.Add(new ImportError(row.RowNumber, Longitude, longitudeCell?.Value.Trim(), longitudeProblem));
        }

        if (Coordinates.CheckPair(latitude, longitude) is { } pairProblem)
        {
            errors.Add(new ImportError(row.RowNumber, latitude is null ? Latitude : Longitude, null, pairProblem));
        }

        return errors.Count > before ? (null, null) : (latitude, longitude);
    }

    private static int Count(TabularRow row, string column, List<ImportError> errors)
    {
        if (row.Find(column) is not { IsEmpty: false } cell)
        {
            return 0;
        }

        if (!int.TryParse(cell.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
        {
            errors.Add(new ImportError(row.RowNumber, cell.Column.Name, cell.Value.Trim(), "The number of jobs is not a whole number."));
        }
        else if (count < 0)
        {
            errors.Add(new ImportError(row.RowNumber, cell.Column.Name, cell.Value.Trim(), "Jobs cannot be negative."));
        }

        return count;
    }

    private static bool Flag(TabularRow row, string column) =>
        row.Find(column)?.Value.Trim().ToLowerInvariant() is "yes" or "true" or "1" or "да" or "иә" or "x";

    [GeneratedRegex("^(?<kind>planned|actual)_(?<year>(19|20)[0-9]{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoneyColumn();
}
