using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Tests.Documents;

/// <summary>Reports as a feature would describe them.</summary>
internal static class SampleReports
{
    public static readonly DateOnly Deadline = new(2026, 11, 24);
    public static readonly DateTimeOffset Updated = new(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(5));

    public static ReportDocument Karaganda() => new(
        "Қарағанды облысы: даму көрсеткіштері",
        [
            new ReportHeading("Негізгі көрсеткіштер"),
            new ReportParagraph("Көрсеткіштер 2026 жылғы 24 қарашадағы жағдай бойынша."),
            new ReportTable(
                "Көрсеткіштер",
                [
                    new ReportColumn("Аумақ"),
                    new ReportColumn("Халық", ColumnKind.WholeNumber),
                    new ReportColumn("Бюджет, млн ₸", ColumnKind.Number, Decimals: 1),
                    new ReportColumn("Орындалуы", ColumnKind.Percent, Decimals: 1),
                    new ReportColumn("Мерзімі", ColumnKind.Date),
                    new ReportColumn("Жаңартылды", ColumnKind.DateTime),
                ],
                [
                    ["Қарағанды облысы", 600_000L, 600_000.5m, 0.875, Deadline, Updated],
                    ["Теміртау", 170_000, 1_234.25m, null, null, null],
                    ["Балқаш", 64_000L, 0.5, 1m, new DateOnly(2027, 1, 31), Updated],
                ]),
            new ReportHeading("Әдістеме", 2),
            new ReportParagraph("Бірінші жол\nЕкінші жол"),
            new ReportHeading("Дереккөздер", 3),
        ])
    {
        Subtitle = "Даму бағдарламасы 2026–2030",
        Metadata = ["Дереккөз: Ұлттық статистика бюросы", "Күні: 24.11.2026"],
    };

    public static ReportDocument OneTable(ReportTable table) => new("Report", [table]);

    public static ReportTable Numbers(IEnumerable<IReadOnlyList<object?>> rows) => new(
        "Numbers",
        [new ReportColumn("Name"), new ReportColumn("Amount", ColumnKind.WholeNumber), new ReportColumn("Share", ColumnKind.Number, Decimals: 2)],
        rows);

    /// <summary>Rows made one at a time, as a streamed query yields them.</summary>
    public static IEnumerable<IReadOnlyList<object?>> ManyRows(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            yield return ["Аудан " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), (long)i * 1_000, i / 7m];
        }
    }
}
