using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.SocialInfrastructure;

public sealed record FacilityRow(FacilityKind Kind, LocalizedText Name, Territory District, double Latitude, double Longitude, int Capacity, int? Enrolment, FacilityState State);

/// <summary>
/// Imports the facilities of a territory from CSV or .xlsx: <c>kind</c> (school, kindergarten, clinic, polyclinic,
/// hospital), <c>name</c> (with <c>name_kk</c>, <c>name_ru</c> when they differ), <c>district</c> (the code of the
/// territory or one of its districts), <c>latitude</c>, <c>longitude</c>, <c>capacity</c> (places, above zero),
/// optionally <c>enrolment</c> and <c>state</c> (operating, under construction, planned; operating when empty). A
/// facility is the same when its kind, district and English name are: its other values are updated.
/// </summary>
public sealed class FacilityImport(QalaDbContext db, SocialAnalysis analysis, SocialIndicators indicators) : ImportDefinition<FacilityRow>
{
    private const string CapacityMessage = "The capacity must be a whole number of places above zero.";

    private Dictionary<string, Territory> area = [];
    private Dictionary<string, SocialFacility> existing = [];

    public override string Kind => "social-facilities";

    /// <summary>The territory whose facilities are imported; the page sets it.</summary>
    public int TerritoryId { get; set; }

    public override IReadOnlyList<string> RequiredColumns { get; } = ["kind", "name", SocialColumns.District, "capacity"];

    public override async Task PrepareAsync(string fileName, List<ImportError> errors, CancellationToken cancellationToken)
    {
        area = (await analysis.AreaAsync(TerritoryId, cancellationToken)).ToDictionary(t => t.Code, StringComparer.Ordinal);
        var ids = area.Values.Select(t => t.Id).ToArray();
        var codes = area.Values.ToDictionary(t => t.Id, t => t.Code);
        existing = (await db.Set<SocialFacility>().AsNoTracking().Where(f => ids.Contains(f.TerritoryId)).ToListAsync(cancellationToken))
            .GroupBy(f => Key(f.Kind, codes[f.TerritoryId], f.Name.En)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public override Task<FacilityRow?> ParseAsync(TabularRow row, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var before = errors.Count;
        var kindCell = row["kind"];
        var kind = SocialText.ParseKind(kindCell.Value);
        if (kind is null)
        {
            errors.Add(new ImportError(row.RowNumber, kindCell.Column.Name, kindCell.Value.Trim(), "The kind must be school, kindergarten, clinic, polyclinic or hospital."));
        }

        var name = row["name"].Value.Trim();
        if (name.Length is 0 or > SocialFacility.NameLength)
        {
            errors.Add(new ImportError(row.RowNumber, "name", name, "Enter the facility's name (up to 400 characters)."));
        }

        var district = SocialColumns.DistrictOf(row, area, null, errors);
        var location = SocialColumns.Location(row, errors);
        var capacityErrors = errors.Count;
        var capacity = SocialColumns.Count(row, "capacity", CapacityMessage, errors);
        if (capacity is 0 || (capacity is null && errors.Count == capacityErrors))
        {
            errors.Add(new ImportError(row.RowNumber, "capacity", row["capacity"].Value.Trim(), CapacityMessage));
        }

        var enrolment = SocialColumns.Count(row, "enrolment", "The enrolment must be a whole number that is not negative.", errors);
        var state = FacilityState.Operating;
        if (row.Find("state") is { IsEmpty: false } stateCell)
        {
            if (SocialText.ParseState(stateCell.Value) is { } parsed)
            {
                state = parsed;
            }
            else
            {
                errors.Add(new ImportError(row.RowNumber, stateCell.Column.Name, stateCell.Value.Trim(), "The state must be operating, under construction or planned."));
            }
        }

        if (errors.Count > before)
        {
            return Task.FromResult<FacilityRow?>(null);
        }

        var kk = row.Find("name_kk") is { IsEmpty: false } k ? k.Value.Trim() : name;
        var ru = row.Find("name_ru") is { IsEmpty: false } r ? r.Value.Trim() : name;
        return Task.FromResult<FacilityRow?>(new FacilityRow(
            kind!.Value, LocalizedText.Of(Cut(kk), Cut(ru), name), district!, location!.Value.Latitude, location.Value.Longitude, capacity!.Value, enrolment, state));
    }

    public override string KeyOf(FacilityRow row) => Key(row.Kind, row.District.Code, row.Name.En);

    public override Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<FacilityRow> rows, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ImportOutcome>>([.. rows.Select(r => existing.TryGetValue(KeyOf(r), out var known)
            ? Same(known, r) ? ImportOutcome.Unchanged : ImportOutcome.Changed
            : ImportOutcome.Added)]);

    public override async Task ApplyAsync(IReadOnlyList<(FacilityRow Row, ImportOutcome Outcome)> rows, ImportBatch batch, CancellationToken cancellationToken)
    {
        foreach (var (row, outcome) in rows)
        {
            switch (outcome)
            {
                case ImportOutcome.Added:
                    var facility = new SocialFacility { Name = row.Name };
                    Fill(facility, row);
                    db.Add(facility);
                    break;
                case ImportOutcome.Changed:
                    var id = existing[KeyOf(row)].Id;
                    Fill(await db.Set<SocialFacility>().SingleAsync(f => f.Id == id, cancellationToken), row);
                    break;
                case ImportOutcome.Unchanged:
                    break;
            }
        }
    }

    public override Task CompleteAsync(ImportBatch batch, CancellationToken cancellationToken) => indicators.RecomputeAsync(TerritoryId, cancellationToken);

    public override string Describe(FacilityRow row, ImportOutcome outcome) =>
        $"{SocialText.KindCode(row.Kind)} {row.Name.En} ({row.District.Code}): {row.Capacity}";

    private static void Fill(SocialFacility facility, FacilityRow row)
    {
        facility.Kind = row.Kind;
        facility.Name = row.Name;
        facility.TerritoryId = row.District.Id;
        facility.Latitude = row.Latitude;
        facility.Longitude = row.Longitude;
        facility.Capacity = row.Capacity;
        facility.Enrolment = row.Enrolment;
        facility.State = row.State;
    }

    private static bool Same(SocialFacility known, FacilityRow row) =>
        known.Name.Kk == row.Name.Kk && known.Name.Ru == row.Name.Ru && known.Latitude.Equals(row.Latitude) && known.Longitude.Equals(row.Longitude)
        && known.Capacity == row.Capacity && known.Enrolment == row.Enrolment && known.State == row.State;

    private static string Key(FacilityKind kind, string district, string name) => $"{kind}|{district}|{name.ToUpperInvariant()}";

    private static string Cut(string text) => text.Length > SocialFacility.NameLength ? text[..SocialFacility.NameLength] : text;
}
