using InvestmentCrm.TestBase;
using Microsoft.Playwright;

namespace InvestmentCrm.E2E.Tests;

/// <summary>Issue 19: the dispatch office prepares the October 2022 调度会, orders its agenda, records a decision, and downloads and sends the 快报.</summary>
public class MeetingBrowserTests
{
    [BrowserFact]
    public async Task The_dispatch_office_prepares_the_October_2022_meeting_orders_the_agenda_records_a_decision_and_sends_the_bulletin()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "dispatch");
        await page.GotoAsync("/meetings?year=2022&month=9");
        // The calendar of September 2022 holds the demo's meeting on Tuesday the 13th; the year has nine so far.
        (await page.Locator("[data-testid=calendar-meeting]").CountAsync()).ShouldBe(1);
        (await page.Locator("[data-testid=meeting-counts]").InnerTextAsync()).ShouldContain("月度重点项目运行调度会 9 次");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("meeting-list.png"), FullPage = true });
        await page.FillAsync("#prepare-year", "2022");
        await page.FillAsync("#prepare-month", "10");
        await BrowserSession.SubmitAsync(page, "[data-testid=prepare-monthly]");
        (await page.Locator("[data-testid=meeting-title]").InnerTextAsync()).ShouldBe("2022年10月重点项目运行调度会");
        var items = page.Locator("[data-testid=agenda-item]");
        (await items.CountAsync()).ShouldBeGreaterThan(1);

        // The second item goes first.
        var second = await items.Nth(1).Locator("h2 a").InnerTextAsync();
        await BrowserSession.SubmitAsync(page, "[data-testid=agenda-item] >> nth=1 >> button[title=上移]");
        (await page.Locator("[data-testid=agenda-item] >> nth=0 >> h2 a").InnerTextAsync()).ShouldBe(second);

        // A decision on 华为 that opens a problem for 住建局.
        var huawei = page.Locator("[data-testid=agenda-item]", new PageLocatorOptions { HasText = "华为吉林区域总部" });
        (await huawei.Locator("[data-testid=investment-line]").InnerTextAsync()).ShouldContain("较序时进度 -15.0 个百分点");
        await huawei.Locator("details > summary").ClickAsync();
        await huawei.Locator("input[name=text]").FillAsync("10 月底前完成二期管网接驳");
        await huawei.Locator("select[name=departmentId]").SelectOptionAsync(new SelectOptionValue { Label = "住房和城乡建设局" });
        await huawei.Locator("input[name=dueOn]").FillAsync("2022-10-31");
        await huawei.Locator("select[name=category]").SelectOptionAsync("Factors");
        await BrowserSession.SubmitAsync(page, "[data-testid=agenda-item]:has-text('华为吉林区域总部') button:has-text('记录')");
        var decision = page.Locator("[data-testid=agenda-item]", new PageLocatorOptions { HasText = "华为吉林区域总部" }).Locator("[data-testid=decision]");
        (await decision.InnerTextAsync()).ShouldContain("10 月底前完成二期管网接驳");
        (await page.Locator("[data-testid=previous-decisions]").InnerTextAsync()).ShouldContain("加快二期主体施工进度", Case.Sensitive, "September's task is followed up");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("meeting.png"), FullPage = true });

        // The draft 快报, downloaded and read back: the decision is in it.
        var draft = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=bulletin-docx]"));
        draft.SuggestedFilename.ShouldBe("2022年10月重点项目运行调度会快报（草稿）_20221011.docx");
        var draftPath = Path.Combine(Path.GetTempPath(), "crm-bulletin-draft.docx");
        await draft.SaveAsAsync(draftPath);
        BulletinText(await File.ReadAllBytesAsync(draftPath)).ShouldContain("10 月底前完成二期管网接驳");

        // Held, then sent to the 领导小组 (the recipients are filled in), after a confirmation.
        await BrowserSession.SubmitAsync(page, "button:has-text('标记已召开')");
        (await page.Locator("#bulletin-recipients").InputValueAsync()).ShouldContain("领导小组成员");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await BrowserSession.SubmitAsync(page, "[data-testid=send-bulletin]");
        (await page.Locator("[data-testid=meeting-status]").InnerTextAsync()).ShouldBe("快报已发");
        (await page.Locator("[data-testid=bulletin-sent]").InnerTextAsync()).ShouldContain("李明");
        var sent = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=bulletin-docx]"));
        sent.SuggestedFilename.ShouldBe("2022年10月重点项目运行调度会快报_20221011.docx");
        var sentPath = Path.Combine(Path.GetTempPath(), "crm-bulletin.docx");
        await sent.SaveAsAsync(sentPath);
        BulletinText(await File.ReadAllBytesAsync(sentPath)).ShouldContain("报送：区“项目建设年”领导小组成员");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("meeting-sent.png"), FullPage = false });

        var phone = await session.NewPageAsync(390, 844, isMobile: true);
        await BrowserSession.SignInAsync(phone, "baobao");
        await phone.GotoAsync(new Uri(page.Url).PathAndQuery);
        (await phone.Locator("[data-testid=agenda-item]").CountAsync()).ShouldBe(await items.CountAsync());
        // The meeting is the district's: the 包保领导 reads every item's lists, not only his own projects'.
        (await phone.Locator("[data-testid=investment-line]").First.InnerTextAsync()).ShouldContain("年度计划");
        (await phone.Locator("[data-testid=bulletin-sent]").InnerTextAsync()).ShouldContain("领导小组成员");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("meeting-phone.png"), FullPage = false });
        await phone.GotoAsync("/meetings?year=2022&month=10");
        (await phone.Locator("[data-testid=calendar-meeting]").CountAsync()).ShouldBe(1);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("meeting-list-phone.png"), FullPage = false });
    }

    private static string BulletinText(byte[] docx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }
}
