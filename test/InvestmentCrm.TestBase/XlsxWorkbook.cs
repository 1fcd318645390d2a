using System.IO.Compression;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace InvestmentCrm.TestBase;

/// <summary>
/// An exported .xlsx read back as a person's spreadsheet program would show it: sheet names, and each sheet's rows of
/// cell values (numbers as <c>double</c>, text as <c>string</c>, empty as null), read with MiniExcel; plus the frozen
/// rows of a sheet, read from the sheet's XML.
/// </summary>
public sealed partial class XlsxWorkbook
{
    private readonly byte[] _bytes;

    private XlsxWorkbook(byte[] bytes) => _bytes = bytes;

    public static async Task<XlsxWorkbook> ReadAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return new XlsxWorkbook(copy.ToArray());
    }

    public static XlsxWorkbook Read(byte[] bytes) => new(bytes);

    public IReadOnlyList<string> SheetNames => MiniExcel.GetSheetNames(new MemoryStream(_bytes));

    /// <summary>Every row of the sheet (the first if none is named), header and title rows included.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows(string? sheet = null) =>
        MiniExcel.Query(new MemoryStream(_bytes), useHeaderRow: false, sheetName: sheet ?? SheetNames[0])
            .Cast<IDictionary<string, object?>>()
            .Select(row => (IReadOnlyList<object?>)row.Values.ToList())
            .ToList();

    /// <summary>How many rows stay in view when the sheet is scrolled (0 when none is frozen).</summary>
    public int FrozenRows(int sheetIndex = 0)
    {
        using var zip = new ZipArchive(new MemoryStream(_bytes), ZipArchiveMode.Read);
        var entry = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal).ElementAt(sheetIndex);
        using var reader = new StreamReader(entry.Open());
        var xml = reader.ReadToEnd();
        var pane = Pane().Match(xml);
        return pane.Success && xml.Contains("frozen", StringComparison.Ordinal) ? (int)double.Parse(pane.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex("<(?:\\w+:)?pane[^>]*ySplit=\"([0-9.]+)\"")]
    private static partial Regex Pane();
}
