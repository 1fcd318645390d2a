using InvestmentCrm.TestBase;
using Microsoft.Playwright;

namespace InvestmentCrm.E2E.Tests;

/// <summary>Issue 4's path through the UI: the officer takes a project from 储备 to 落位 and enters funds; the head verifies them; 到位.</summary>
public class PipelineBrowserTests
{
    private static Task SubmitAsync(IPage page, string button) => BrowserSession.SubmitAsync(page, button);

    private static async Task MoveStageAsync(IPage page, string stage, string date)
    {
        await page.SelectOptionAsync("#stage-to", new SelectOptionValue { Label = stage });
        await page.FillAsync("#stage-date", date);
        await SubmitAsync(page, "#stage button[type=submit]");
    }

    [BrowserFact]
    public async Task The_officer_and_the_head_take_a_project_from_reserve_to_funded()
    {
        await using var session = await BrowserSession.StartAsync();
        var officer = await session.NewPageAsync(1366, 900);
        await BrowserSession.SignInAsync(officer, "officer");

        await officer.GotoAsync("/projects");
        await officer.ClickAsync("[data-testid=new-project]");
        await officer.FillAsync("#name", "华为云吉林创新中心");
        await officer.FillAsync("#industry", "数字科创/云计算");
        await officer.FillAsync("#registered", "2026-02-01");
        await officer.FillAsync("#domestic", "5");
        await SubmitAsync(officer, "button:has-text('登记')");
        (await officer.Locator("h1").InnerTextAsync()).ShouldBe("华为云吉林创新中心");
        (await officer.Locator("[data-testid=stage]").InnerTextAsync()).ShouldBe("储备");

        // The gate refuses 在谈 without a visit, in Chinese, and nothing changes.
        await MoveStageAsync(officer, "在谈", "2026-03-10");
        // The message stands beside the form that was sent, which keeps what was typed.
        (await officer.Locator("#stage [data-testid=form-error]").InnerTextAsync()).ShouldStartWith("进入“在谈”需要至少一条写明投资方企业的走访/洽谈记录");
        (await officer.Locator("#stage-date").InputValueAsync()).ShouldBe("2026-03-10");
        (await officer.Locator("#stage-to").InputValueAsync()).ShouldBe("Negotiating");
        (await officer.Locator("[data-testid=stage]").InnerTextAsync()).ShouldBe("储备");
        await officer.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("pipeline-gate.png") });

        await officer.ClickAsync("summary:has-text('记录走访/洽谈')");
        await officer.FillAsync("#visit-date", "2026-03-10");
        await officer.FillAsync("#visit-company-q", "华为技术");
        await officer.GetByTestId("picker-visit-company").Locator("mark").First.WaitForAsync(); // the typed search has replaced the options
        await officer.GetByTestId("picker-visit-company").GetByText("华为技术有限公司").ClickAsync();
        await officer.FillAsync("#visit-summary", "云创新中心选址洽谈");
        await SubmitAsync(officer, "button:has-text('保存走访记录')");
        await MoveStageAsync(officer, "在谈", "2026-03-10");
        (await officer.Locator("[data-testid=stage]").InnerTextAsync()).ShouldBe("在谈");

        await officer.ClickAsync("summary:has-text('登记合同/协议')");
        await officer.FillAsync("#contract-number", "NG-2026-031");
        await officer.FillAsync("#contract-date", "2026-05-01");
        await officer.FillAsync("#contract-parties", "南关区人民政府；华为技术有限公司");
        (await officer.Locator("label[for=contract-domestic]").InnerTextAsync()).ShouldBe("内资（万元）");
        await officer.FillAsync("#contract-domestic", "50000"); // 万元, as the label says: 5 亿元
        await SubmitAsync(officer, "button:has-text('保存合同')");
        (await officer.Locator("body").InnerTextAsync()).ShouldContain("内资 5 亿元");
        await MoveStageAsync(officer, "签约", "2026-05-01");
        (await officer.Locator("[data-testid=stage]").InnerTextAsync()).ShouldBe("签约");

        await officer.ClickAsync("summary:has-text('登记落位凭证')");
        await officer.FillAsync("#landing-date", "2026-06-15");
        await officer.FillAsync("#landing-number", "长春南关 2026-营-0615");
        await SubmitAsync(officer, "button:has-text('保存凭证')");
        await MoveStageAsync(officer, "落位", "2026-06-15");
        (await officer.Locator("[data-testid=stage]").InnerTextAsync()).ShouldBe("落位");

        await officer.ClickAsync("summary:has-text('录入到位资金')");
        await officer.FillAsync("#tranche-date", "2026-07-01");
        (await officer.Locator("label[for=tranche-amount]").InnerTextAsync()).ShouldBe("金额（万，按所选币种）");
        await officer.FillAsync("#tranche-amount", "10000"); // the same unit as the contract: 1 亿元
        await SubmitAsync(officer, "button:has-text('保存（待认定）')");
        (await officer.Locator("[data-testid=tranches]").InnerTextAsync()).ShouldContain("1 亿元");
        (await officer.Locator("[data-testid=tranche-status]").InnerTextAsync()).ShouldBe("待认定");
        (await officer.Locator("button:text-is('认定')").CountAsync()).ShouldBe(0, "whoever entered a tranche cannot verify it");
        await MoveStageAsync(officer, "到位", "2026-07-01");
        (await officer.Locator("#stage [data-testid=form-error]").InnerTextAsync()).ShouldStartWith("进入“到位”需要至少一笔已认定的到位资金");
        var url = officer.Url;

        var head = await session.NewPageAsync(1366, 900);
        await BrowserSession.SignInAsync(head, "head");
        await head.GotoAsync(new Uri(url).PathAndQuery.Split('?')[0]);
        await head.FillAsync("input[name=note]", "验资报告与进账单一致");
        await SubmitAsync(head, "button:text-is('认定')");
        (await head.Locator("[data-testid=tranche-status]").InnerTextAsync()).ShouldBe("已认定");
        await MoveStageAsync(head, "到位", "2026-07-01");
        (await head.Locator("[data-testid=stage]").InnerTextAsync()).ShouldBe("到位");
        (await head.Locator("body").InnerTextAsync()).ShouldContain("2026-07-01 落位 → 到位");
        await head.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("pipeline-funded.png"), FullPage = true });

        var phone = await session.NewPageAsync(390, 844, isMobile: true);
        await BrowserSession.SignInAsync(phone, "officer");
        await phone.GotoAsync(new Uri(url).PathAndQuery.Split('?')[0]);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ScreenshotPath("pipeline-phone.png"), FullPage = true });
    }
}
