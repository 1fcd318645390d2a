using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InvestmentCrm.Common;

/// <summary>
/// Writes an .xlsx workbook with OpenXml's forward-only writer (no document tree in memory):
/// Chinese headers in bold, numbers as numbers, dates as yyyy-MM-dd text, one frozen header row.
/// The package is built in a temporary file (zip needs a seekable stream; an HTTP response is not one) and then
/// copied to <c>output</c> asynchronously.
/// </summary>
public static class ExcelWriter
{
    public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IEnumerable<object?[]> Rows);

    public static async Task WriteAsync(Stream output, CancellationToken ct, params Sheet[] sheets)
    {
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        Write(buffer, sheets);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static void Write(Stream output, params Sheet[] sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        AddStyles(workbookPart);
        var sheetsElement = new Sheets();
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(worksheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, sheet.Headers.Cast<object?>().ToArray(), bold: true);
                foreach (var row in sheet.Rows)
                    WriteRow(writer, row, bold: false);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            sheetsElement.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = sheet.Name });
        }
        workbookPart.Workbook = new Workbook(sheetsElement);
        workbookPart.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, object?[] values, bool bold)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            var cell = value switch
            {
                null => new Cell(),
                decimal or int or long or double => new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
                },
                DateOnly date => InlineText(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                DateTime time => InlineText(time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                _ => InlineText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
            };
            if (bold)
                cell.StyleIndex = 1;
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static Cell InlineText(string text) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
        styles.Stylesheet.Save();
    }
}
