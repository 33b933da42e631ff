namespace Qala.Web.Infrastructure.Imports;

/// <summary>What went wrong while reading an import file: the file as a whole, its header, or one row.</summary>
public enum TabularIssueCode
{
    // The file as a whole: nothing can be read. Keep these first: IsFileLevel relies on the order.
    EmptyFile,
    UnrecognisedContent,
    NotUtf8Text,
    LegacyOrProtectedWorkbook,
    ArchiveIsNotWorkbook,
    CsvNamedAsWorkbook,
    WorkbookNamedAsCsv,
    CorruptWorkbook,
    WorkbookHasNoWorksheet,
    SheetNotFound,
    NoHeaderRow,
    UnreadableCsv,

    // The header row.
    EmptyHeaderName,
    DuplicateHeaderName,

    // One data row.
    MissingFields,
    ValueInUnnamedColumn,
    MalformedQuoting,
}

/// <summary>Whether an issue stops the import of what it concerns (an error) or is for the user to check (a warning).</summary>
public enum TabularIssueSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One problem found while reading, with where it is: the 1-based row as the user sees it in the file, the column
/// and the value when they are known. <see cref="MessageKey"/> is the English text, which is also the key of the
/// UI string that localises it; the position is shown next to it, not formatted into it.
/// </summary>
public sealed record TabularIssue(TabularIssueCode Code, int? Row = null, TabularColumn? Column = null, string? Value = null)
{
    public TabularIssueSeverity Severity => Code switch
    {
        TabularIssueCode.ValueInUnnamedColumn => TabularIssueSeverity.Warning,
        _ => TabularIssueSeverity.Error,
    };

    /// <summary>Whether the issue concerns the file as a whole, so that no row can be read.</summary>
    public bool IsFileLevel => Code < TabularIssueCode.EmptyHeaderName;

    public string MessageKey => Code switch
    {
        TabularIssueCode.EmptyFile => "The file is empty.",
        TabularIssueCode.UnrecognisedContent => "The file is neither CSV text nor an Excel workbook (.xlsx).",
        TabularIssueCode.NotUtf8Text => "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again.",
        TabularIssueCode.LegacyOrProtectedWorkbook => "The file is an old Excel workbook (.xls) or is password-protected. Save it as .xlsx without a password, or as CSV UTF-8.",
        TabularIssueCode.ArchiveIsNotWorkbook => "The file is a ZIP archive but not an Excel workbook (.xlsx).",
        TabularIssueCode.CsvNamedAsWorkbook => "The file is named as an Excel workbook but contains CSV text. Rename it to .csv, or save it as .xlsx.",
        TabularIssueCode.WorkbookNamedAsCsv => "The file is named as CSV but is an Excel workbook. Rename it to .xlsx, or save it as CSV UTF-8.",
        TabularIssueCode.CorruptWorkbook => "The Excel workbook is damaged and cannot be read.",
        TabularIssueCode.WorkbookHasNoWorksheet => "The Excel workbook has no worksheet.",
        TabularIssueCode.SheetNotFound => "The Excel workbook has no worksheet with this name.",
        TabularIssueCode.NoHeaderRow => "The file has no header row: every row is empty.",
        TabularIssueCode.UnreadableCsv => "The CSV file cannot be read from this row on: a quoted value is never closed or a row is too long.",
        TabularIssueCode.EmptyHeaderName => "A column has no name in the header row.",
        TabularIssueCode.DuplicateHeaderName => "Two columns have the same name in the header row.",
        TabularIssueCode.MissingFields => "The row has fewer values than the header has columns.",
        TabularIssueCode.ValueInUnnamedColumn => "The row has a value in a column that has no name in the header row; it is ignored.",
        TabularIssueCode.MalformedQuoting => "The row has a misplaced quotation mark, so its values may be split wrongly.",
    };
}

/// <summary>A fatal problem met while the rows are being read, after the file was opened (such as a damaged part).</summary>
public sealed class TabularFileException(TabularIssue issue, Exception? innerException = null)
    : Exception(issue.MessageKey, innerException)
{
    public TabularIssue Issue { get; } = issue;
}
