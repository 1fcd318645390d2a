using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace InvestmentCrm.Common;

/// <summary>
/// The one way the product writes .xlsx (MiniExcel, streaming: rows are written as they are enumerated): Chinese
/// headers, numbers as numbers, enum values as their Chinese labels, dates as yyyy-MM-dd text, the header row frozen, and — where a figure is exported — a
/// title row above it with the unit and 口径. The workbook is built in a temporary file (a zip needs a seekable stream;
/// an HTTP response is not one) and then copied to <c>output</c> asynchronously.
/// </summary>
public static class ExcelWriter
{
    /// <param name="Title">A title row above the headers (unit, 口径), or none.</param>
    public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IEnumerable<object?[]> Rows, string? Title = null);

    public static async Task WriteAsync(Stream output, CancellationToken ct, params Sheet[] sheets)
    {
        var titled = sheets.Count(s => s.Title is not null);
        if (titled != 0 && titled != sheets.Length)
            throw new ArgumentException("Either every sheet of a workbook has a title row or none has.", nameof(sheets));
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var workbook = sheets.ToDictionary(s => s.Name, s => (object)Rows(s));
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = titled == 0 ? 1 : 2,
            TableStyles = TableStyles.None,
            AutoFilter = false,
            FastMode = true,
        };
        // The header is written as a row of its own, so that an empty export still has it (MiniExcel names columns from
        // the first row it meets).
        await MiniExcel.SaveAsAsync(buffer, workbook, printHeader: false, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static IEnumerable<IDictionary<string, object?>> Rows(Sheet sheet)
    {
        var columns = sheet.Headers.Select((header, i) => header.Length > 0 ? header : $"列{i + 1}").ToList();
        if (sheet.Title is not null)
            yield return Row(columns, [sheet.Title]);
        yield return Row(columns, [.. sheet.Headers]);
        foreach (var row in sheet.Rows)
            yield return Row(columns, row);
    }

    private static Dictionary<string, object?> Row(List<string> columns, object?[] values)
    {
        var row = new Dictionary<string, object?>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
            row[columns[i]] = i < values.Length ? Cell(values[i]) : null;
        return row;
    }

    private static object? Cell(object? value) => value switch
    {
        null => null,
        decimal or int or long or double => value,
        Enum label => EnumLabels.Label(label),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
