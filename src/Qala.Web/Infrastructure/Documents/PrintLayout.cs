namespace Qala.Web.Infrastructure.Documents;

/// <summary>How a report's pages are laid out when printed, the same in both formats.</summary>
internal static class PrintLayout
{
    // More columns than this do not fit across an upright A4 page at a readable size.
    private const int MaxUprightColumns = 6;

    public static bool IsLandscape(ReportTable table) => table.Columns.Count > MaxUprightColumns;
}
