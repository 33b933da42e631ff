using System.Diagnostics;
using System.Globalization;
using Qala.Engine.Access;
using Qala.Engine.Access.Osm;

namespace Qala.Web.Infrastructure.Commands;

/// <summary>What <c>access-coverage</c> prints: buildings, those covered, their share (0 to 1) and the seconds taken.</summary>
public sealed record AccessCoverageOutput(int Buildings, int Covered, double Share, double Seconds);

/// <summary>A verb's arguments or input that it cannot work with; the message says why.</summary>
public sealed class CommandLineException(string message) : Exception(message);

/// <summary>
/// <c>access-coverage --osm FILE.osm.pbf --amenity school,kindergarten --radius 500</c>: the share of the extract's
/// buildings within walking distance of the amenities, under the fixed rules of
/// <see cref="BuildingCoverage"/>. Needs no database: it reads the file and computes in <c>Qala.Engine</c>.
/// </summary>
internal static class AccessCoverageCommand
{
    public const string Description =
        "Share of an OSM extract's buildings within walking distance of amenities: --osm FILE.osm.pbf --amenity school,kindergarten --radius 500 (metres). Needs no database.";

    public static Task<object> RunAsync(IServiceProvider _, string[] args) => Task.FromResult<object>(Run(args));

    public static AccessCoverageOutput Run(string[] args)
    {
        string? file = null, amenityList = null, radiusText = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new CommandLineException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--osm":
                    file = value;
                    break;
                case "--amenity":
                    amenityList = value;
                    break;
                case "--radius":
                    radiusText = value;
                    break;
                default:
                    throw new CommandLineException($"Unknown option {args[i]}; expected --osm, --amenity and --radius.");
            }

            i++;
        }

        if (file is null || amenityList is null || radiusText is null)
        {
            throw new CommandLineException("access-coverage needs --osm FILE.osm.pbf, --amenity KIND[,KIND…] and --radius METRES.");
        }

        var amenities = amenityList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (amenities.Length == 0)
        {
            throw new CommandLineException("--amenity names no amenity.");
        }

        if (!double.TryParse(radiusText, NumberStyles.Float, CultureInfo.InvariantCulture, out var radius) || !(radius >= 0) || double.IsInfinity(radius))
        {
            throw new CommandLineException($"--radius {radiusText} is not a distance in metres.");
        }

        if (!File.Exists(file))
        {
            throw new CommandLineException($"The file {file} does not exist.");
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var result = BuildingCoverage.Compute(file, amenities, radius);
            return new AccessCoverageOutput(result.Buildings, result.Covered, result.Share, Math.Round(clock.Elapsed.TotalSeconds, 3));
        }
        catch (Exception e) when (e is OsmPbfException or InvalidOperationException or IOException)
        {
            throw new CommandLineException($"{file}: {e.Message}");
        }
    }
}
