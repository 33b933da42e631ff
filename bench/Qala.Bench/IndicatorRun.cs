using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Qala.Engine.Indicators;

namespace Qala.Bench;

/// <summary>
/// Issue 4's indicator benchmarks on the database made by <c>bench/indicators-generate.sh</c> (docs/benchmarks.md,
/// "Indicators"), timed with a stopwatch after a warm-up:
/// <list type="bullet">
/// <item><c>scorecard</c>: the API's scorecard of a territory over loopback HTTP, interleaved request by request with
/// a hand-written SQL batch that fetches the same data, so both see the same load — cold (the data stamp moved before
/// each request: every scorecard computed) and warm (the scorecards the app keeps);</item>
/// <item><c>ranking</c>: the regions and cities valid in the latest year ranked on a composite of the first N KPIs —
/// the query and <see cref="CompositeIndex.Compute"/>.</item>
/// </list>
/// </summary>
internal static class IndicatorRun
{
    private const int WarmUp = 10;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    // The data a KPI scorecard needs, one round trip: the territory, the target sets with targets for it, the targets of
    // the latest set, the KPIs, the last value of each year of each KPI for the territory (the total series, read
    // backwards in key order so DISTINCT ON needs no sort), the peer territories and their last values in the latest
    // year (one backward index probe each: no sort).
    private const string ScorecardSql = """
        SELECT "Id", "Code", "Kind", "ParentId", "ValidFrom", "ValidTo", "Name_Kk", "Name_Ru", "Name_En" FROM "Territories" WHERE "Code" = @territory;
        SELECT s."Id", s."Name_En" FROM "TargetSets" s
        WHERE EXISTS (SELECT 1 FROM "IndicatorTargets" t JOIN "Territories" p ON p."Id" = t."TerritoryId" WHERE t."TargetSetId" = s."Id" AND p."Code" = @territory)
        ORDER BY s."Id" DESC;
        SELECT t."IndicatorId", t."Year", t."IsBaseline", t."Value", t."UpperValue" FROM "IndicatorTargets" t JOIN "Territories" p ON p."Id" = t."TerritoryId"
        WHERE p."Code" = @territory AND t."TargetSetId" = (SELECT max(x."TargetSetId") FROM "IndicatorTargets" x WHERE x."TerritoryId" = p."Id");
        SELECT "Id", "Code", "Name_Kk", "Name_Ru", "Name_En", "Unit", "Polarity" FROM "Indicators" WHERE "IsGovernorKpi";
        SELECT DISTINCT ON (o."IndicatorId", o."Year") o."IndicatorId", o."Year", o."Value"
        FROM "Observations" o
        WHERE o."TerritoryId" = (SELECT "Id" FROM "Territories" WHERE "Code" = @territory)
          AND o."IndicatorId" = ANY(ARRAY(SELECT "Id" FROM "Indicators" WHERE "IsGovernorKpi")) AND o."IsCurrent" AND o."Dimensions" = ''
        ORDER BY o."IndicatorId" DESC, o."Year" DESC, o."PeriodNumber" DESC;
        SELECT i."Id", p."Id", v."Value" FROM "Territories" p CROSS JOIN "Indicators" i
        CROSS JOIN LATERAL (
            SELECT o."Value" FROM "Observations" o
            WHERE o."IndicatorId" = i."Id" AND o."TerritoryId" = p."Id" AND o."Year" = @year AND o."Dimensions" = '' AND o."IsCurrent"
            ORDER BY o."PeriodNumber" DESC LIMIT 1) v
        WHERE p."Kind" IN ('Region', 'CityOfRepublicanSignificance') AND i."IsGovernorKpi";
        """;

    // The regions and cities valid in the year, and the last value in the year of each of the chosen indicators.
    private const string RankingSql = """
        SELECT p."Code", i."Code", i."Polarity", v."Value"
        FROM "Territories" p
        CROSS JOIN "Indicators" i
        LEFT JOIN LATERAL (
            SELECT o."Value" FROM "Observations" o
            WHERE o."IndicatorId" = i."Id" AND o."TerritoryId" = p."Id" AND o."Year" = @year AND o."Dimensions" = '' AND o."IsCurrent"
            ORDER BY o."PeriodNumber" DESC LIMIT 1) v ON true
        WHERE p."Kind" IN ('Region', 'CityOfRepublicanSignificance')
          AND (p."ValidFrom" IS NULL OR p."ValidFrom" <= make_date(@year, 12, 31)) AND (p."ValidTo" IS NULL OR p."ValidTo" > make_date(@year, 1, 1))
          AND i."Id" = ANY(@indicators)
        """;

    public static void Run(string[] args)
    {
        switch (args)
        {
            case ["scorecard", var connection, var baseUrl, var territory, .. var rest]:
                Scorecard(connection, baseUrl, territory, Argument(rest, 0, 200));
                break;
            case ["ranking", var connection, .. var rest]:
                Ranking(connection, Argument(rest, 0, 200), Argument(rest, 1, 20));
                break;
            default:
                throw new ArgumentException("indicators scorecard CONNECTION BASE-URL TERRITORY [REQUESTS] | indicators ranking CONNECTION [RUNS] [INDICATORS]");
        }
    }

    private static int Argument(string[] rest, int index, int otherwise) =>
        rest.Length > index ? int.Parse(rest[index], CultureInfo.InvariantCulture) : otherwise;

    private static void Scorecard(string connection, string baseUrl, string territory, int requests)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var data = NpgsqlDataSource.Create(connection);
        using var db = data.OpenConnection();
        var year = LatestYear(db);
        var paths = new[] { $"/api/v1/scorecards/{territory}?kpi=true", $"/api/v1/scorecards/{territory}" };
        var figures = new Dictionary<string, object>();
        var lines = JsonDocument.Parse(http.GetStringAsync(new Uri(paths[0], UriKind.Relative)).GetAwaiter().GetResult()).RootElement.GetProperty("lines").GetArrayLength();
        var allLines = JsonDocument.Parse(http.GetStringAsync(new Uri(paths[1], UriKind.Relative)).GetAwaiter().GetResult()).RootElement.GetProperty("lines").GetArrayLength();
        var rows = 0;
        for (var i = 0; i < WarmUp; i++)
        {
            Get(http, paths[0]);
            rows = Query(db, territory, year);
        }

        figures["territory"] = territory;
        figures["requests"] = requests;
        figures["kpi_scorecard_lines"] = lines;
        figures["hand_sql_rows"] = rows;
        figures["full_scorecard_lines"] = allLines;
        foreach (var cold in new[] { true, false })
        {
            // Cold: the data stamp is moved (untimed) before each API request, so the app computes every scorecard as
            // after a change; warm: the app answers from the scorecards it keeps.
            var pass = cold ? "cold" : "warm";
            var api = new List<double>();
            var sql = new List<double>();
            for (var i = 0; i < requests; i++)
            {
                if (cold)
                {
                    MoveStamp(db);
                }

                api.Add(Time(() => Get(http, paths[0])));
                sql.Add(Time(() => Query(db, territory, year)));
            }

            var full = new List<double>();
            for (var i = 0; i < Math.Max(20, requests / 5); i++)
            {
                if (cold)
                {
                    MoveStamp(db);
                }

                full.Add(Time(() => Get(http, paths[1])));
            }

            figures[$"api_kpi_{pass}_ms"] = Summary(api);
            figures[$"hand_sql_{pass}_pass_ms"] = Summary(sql);
            figures[$"ratio_{pass}_p50"] = Math.Round(Percentile(api, 50) / Percentile(sql, 50), 3);
            figures[$"ratio_{pass}_p95"] = Math.Round(Percentile(api, 95) / Percentile(sql, 95), 3);
            figures[$"api_full_{pass}_ms"] = Summary(full);
        }

        Console.WriteLine(JsonSerializer.Serialize(figures, Json));
    }

    private static void Ranking(string connection, int runs, int count)
    {
        using var data = NpgsqlDataSource.Create(connection);
        using var db = data.OpenConnection();
        var ids = new List<int>();
        using (var command = new NpgsqlCommand("""SELECT "Id" FROM "Indicators" WHERE "IsGovernorKpi" AND "Polarity" <> 'TargetRange' ORDER BY "Id" LIMIT @count""", db))
        {
            command.Parameters.AddWithValue("count", count);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        IReadOnlyList<CompositeScore> scores = [];
        var (query, compute) = (new List<double>(), new List<double>());
        for (var i = 0; i < WarmUp + runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var year = LatestYear(db, ids);
            var values = new Dictionary<string, Dictionary<string, double?>>(StringComparer.Ordinal);
            var polarities = new Dictionary<string, Polarity>(StringComparer.Ordinal);
            using (var command = new NpgsqlCommand(RankingSql, db))
            {
                command.Parameters.AddWithValue("year", year);
                command.Parameters.AddWithValue("indicators", ids.ToArray());
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var (territory, indicator) = (reader.GetString(0), reader.GetString(1));
                    polarities[indicator] = Enum.Parse<Polarity>(reader.GetString(2));
                    (values.TryGetValue(territory, out var own) ? own : values[territory] = new(StringComparer.Ordinal))[indicator] =
                        reader.IsDBNull(3) ? null : (double)reader.GetDecimal(3);
                }
            }

            var queried = Stopwatch.GetTimestamp();
            scores = CompositeIndex.Compute(
                [.. polarities.Select(p => new CompositeIndicator(p.Key, p.Value))],
                [.. values.Select(v => new TerritoryValues(v.Key, v.Value))],
                MissingValues.Reweight);
            var done = Stopwatch.GetTimestamp();
            if (i >= WarmUp)
            {
                query.Add(Stopwatch.GetElapsedTime(started, queried).TotalMilliseconds);
                compute.Add(Stopwatch.GetElapsedTime(queried, done).TotalMilliseconds);
            }
        }

        var total = query.Zip(compute, (a, b) => a + b).ToList();
        Console.WriteLine(JsonSerializer.Serialize(
            new Dictionary<string, object>
            {
                ["runs"] = runs,
                ["indicators"] = ids.Count,
                ["territories"] = scores.Count,
                ["query_ms"] = Summary(query),
                ["compute_ms"] = Summary(compute),
                ["total_ms"] = Summary(total),
                ["top3"] = scores.Take(3).Select(s => $"{s.Territory} {s.Score:F3} #{s.Rank}").ToList(),
            },
            Json));
    }

    private static int LatestYear(NpgsqlConnection db, IReadOnlyList<int>? indicators = null)
    {
        using var command = new NpgsqlCommand(
            indicators is null
                ? """SELECT max(o."Year") FROM "Observations" o JOIN "Indicators" i ON i."Id" = o."IndicatorId" WHERE i."IsGovernorKpi" AND o."IsCurrent" """
                : """
                  SELECT max(y."Year") FROM "Territories" p CROSS JOIN unnest(@indicators) i(id)
                  CROSS JOIN LATERAL (
                      SELECT o."Year" FROM "Observations" o WHERE o."IndicatorId" = i.id AND o."TerritoryId" = p."Id" AND o."IsCurrent"
                      ORDER BY o."Year" DESC LIMIT 1) y
                  WHERE p."Kind" IN ('Region', 'CityOfRepublicanSignificance')
                  """,
            db);
        if (indicators is not null)
        {
            command.Parameters.AddWithValue("indicators", indicators.ToArray());
        }

        return (int)command.ExecuteScalar()!;
    }

    private static void MoveStamp(NpgsqlConnection db)
    {
        using var command = new NpgsqlCommand("""UPDATE "IndicatorDataStamps" SET "Value" = "Value" + 1""", db);
        command.ExecuteNonQuery();
    }

    private static void Get(HttpClient http, string path)
    {
        using var response = http.GetAsync(new Uri(path, UriKind.Relative)).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        _ = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }

    // Every row of every result set is read, as the app would.
    private static int Query(NpgsqlConnection db, string territory, int year)
    {
        using var command = new NpgsqlCommand(ScorecardSql, db);
        command.Parameters.AddWithValue("territory", territory);
        command.Parameters.AddWithValue("year", year);
        using var reader = command.ExecuteReader();
        var rows = 0;
        do
        {
            while (reader.Read())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows++;
            }
        }
        while (reader.NextResult());
        return rows;
    }

    private static double Time(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static Dictionary<string, double> Summary(List<double> times) => new()
    {
        ["p50"] = Math.Round(Percentile(times, 50), 2),
        ["p95"] = Math.Round(Percentile(times, 95), 2),
        ["mean"] = Math.Round(times.Average(), 2),
        ["max"] = Math.Round(times.Max(), 2),
    };

    // Nearest rank.
    private static double Percentile(List<double> times, int percent)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
    }
}
