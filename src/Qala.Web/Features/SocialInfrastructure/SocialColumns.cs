using System.Globalization;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Imports;

namespace Qala.Web.Features.SocialInfrastructure;

/// <summary>What facility and population files share: a district by its code, coordinates and whole numbers.</summary>
internal static class SocialColumns
{
    public const string District = "district";

    /// <summary>The cell of the first of <paramref name="names"/> the file has.</summary>
    public static TabularCell? Find(TabularRow row, params string[] names) =>
        names.Select(row.Find).FirstOrDefault(c => c is not null);

    /// <summary>The district a row names (a territory of the area by its code), or <paramref name="otherwise"/> when the file or the cell leaves it out.</summary>
    public static Territory? DistrictOf(TabularRow row, IReadOnlyDictionary<string, Territory> area, Territory? otherwise, List<ImportError> errors)
    {
        if (row.Find(SocialColumns.District) is not { IsEmpty: false } cell)
        {
            if (otherwise is null)
            {
                errors.Add(new ImportError(row.RowNumber, SocialColumns.District, null, "Enter the district's code."));
            }

            return otherwise;
        }

        if (area.TryGetValue(cell.Value.Trim(), out var territory))
        {
            return territory;
        }

        errors.Add(new ImportError(row.RowNumber, cell.Column.Name, cell.Value.Trim(), "No district of this territory has this code."));
        return null;
    }

    /// <summary>The latitude and longitude of a row (columns <c>latitude</c>/<c>lat</c> and <c>longitude</c>/<c>lon</c>), in range.</summary>
    public static (double Latitude, double Longitude)? Location(TabularRow row, List<ImportError> errors)
    {
        var latitude = Coordinate(row, ["latitude", "lat"], 90, "The latitude must be a number from -90 to 90.", errors);
        var longitude = Coordinate(row, ["longitude", "lon"], 180, "The longitude must be a number from -180 to 180.", errors);
        return latitude is { } a && longitude is { } b ? (a, b) : null;
    }

    /// <summary>A whole number that is not negative, null for an empty or missing cell.</summary>
    public static int? Count(TabularRow row, string column, string message, List<ImportError> errors)
    {
        if (row.Find(column) is not { IsEmpty: false } cell)
        {
            return null;
        }

        if (double.TryParse(cell.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= 0 && value <= int.MaxValue && Math.Abs(value - Math.Round(value)) < 1e-9)
        {
            return (int)Math.Round(value);
        }

        errors.Add(new ImportError(row.RowNumber, cell.Column.Name, cell.Value.Trim(), message));
        return null;
    }

    private static double? Coordinate(TabularRow row, string[] names, double limit, string message, List<ImportError> errors)
    {
        if (Find(row, names) is not { } cell)
        {
            errors.Add(new ImportError(row.RowNumber, names[0], null, message));
            return null;
        }

        if (double.TryParse(cell.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= limit)
        {
            return value;
        }

        errors.Add(new ImportError(row.RowNumber, cell.Column.Name, cell.Value.Trim(), message));
        return null;
    }
}
