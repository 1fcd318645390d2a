using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Projects;

public class PipelineWebTests
{
    [Fact]
    public async Task A_bad_or_duplicate_credit_code_is_refused_in_Chinese_and_nothing_is_saved()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var officer = await factory.SignInAsync("officer");
        await using var db = factory.Database.CreateContext();
        var before = await db.Companies.CountAsync();

        var bad = await FormPoster.PostAsync(officer, "/companies/new", "company-form",
            [new("name", "长春测试科技有限公司"), new("code", "91220101MA0000000X"), new("nature", nameof(CompanyNature.Private)), new("kind", nameof(CompanyKind.Enterprise))]);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("统一社会信用代码校验位错误");

        var duplicate = await officer.PostAsJsonAsync("/api/v1/companies", new CompanyInput("华为（重复）", "914403001922038216", CompanyNature.Private, CompanyKind.Enterprise, null, null, null, false));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict, "a duplicate conflicts with an existing record (issue 16)");
        var problem = await duplicate.Content.ReadAsStringAsync();
        problem.ShouldContain("已属于“华为技术有限公司”");
        var huawei = await db.Companies.Where(c => c.Name == "华为技术有限公司").Select(c => c.Id).SingleAsync();
        problem.ShouldContain($"\"existingCompanyUrl\":\"/api/v1/companies/{huawei}\"");
        (await db.Companies.CountAsync()).ShouldBe(before);

        var good = await FormPoster.PostAsync(officer, "/companies/new", "company-form",
            [new("name", "长春测试科技有限公司"), new("code", "91350100M000100Y43"), new("nature", nameof(CompanyNature.Private)), new("kind", nameof(CompanyKind.Enterprise))]);
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var created = await db.Companies.Where(c => c.Name == "长春测试科技有限公司").Select(c => c.Id).SingleAsync();
        good.Headers.Location!.ToString().ShouldContain($"companies/{created}");
        (await db.Companies.CountAsync()).ShouldBe(before + 1);

        // The form on the page links to the holder of a duplicate code.
        var again = await FormPoster.PostAsync(officer, "/companies/new", "company-form",
            [new("name", "长春测试科技"), new("code", "91350100M000100Y43"), new("nature", nameof(CompanyNature.Private)), new("kind", nameof(CompanyKind.Enterprise))]);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await new HtmlParser().ParseDocumentAsync(await again.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=existing-company]")!.GetAttribute("href").ShouldBe($"companies/{created}");
        page.QuerySelector("#company-name")!.GetAttribute("value").ShouldBe("长春测试科技");
    }

    [Fact]
    public async Task Weights_that_do_not_add_up_and_a_blacklisted_referrer_are_refused()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var officer = await factory.SignInAsync("officer");
        Guid project, me, colleague, broker;
        await using (var db = factory.Database.CreateContext())
        {
            project = await db.Projects.Where(p => p.Name == "华润中心二期").Select(p => p.Id).SingleAsync();
            me = await db.Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync();
            colleague = await db.Users.Where(u => u.UserName == "head").Select(u => u.Id).SingleAsync();
            broker = await db.Companies.Where(c => c.IsBlacklisted).Select(c => c.Id).SingleAsync();
        }
        var url = $"/projects/{project}";
        KeyValuePair<string, string>[] Contributors(string first, string second) =>
        [
            new("contributor", me.ToString()), new("role", nameof(ContributorRole.FirstNegotiator)), new("weight", first),
            new("contributor", colleague.ToString()), new("role", nameof(ContributorRole.Introducer)), new("weight", second),
        ];

        var uneven = await FormPoster.PostAsync(officer, url, "responsibility", Contributors("50", "49"));
        uneven.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await uneven.Content.ReadAsStringAsync()).ShouldContain("贡献人权重合计必须为 100%，当前为 99%。");

        var blacklisted = await FormPoster.PostAsync(officer, url, "responsibility", [.. Contributors("50", "50"), new("referrer", broker.ToString())]);
        (await blacklisted.Content.ReadAsStringAsync()).ShouldContain("已列入中介黑名单");

        await using (var db = factory.Database.CreateContext())
            (await db.Projects.Include(p => p.Contributors).SingleAsync(p => p.Id == project)).Contributors.ShouldBeEmpty("nothing was saved");

        var ok = await FormPoster.PostAsync(officer, url, "responsibility", Contributors("60", "40"));
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var db = factory.Database.CreateContext())
            (await db.Projects.Include(p => p.Contributors).SingleAsync(p => p.Id == project)).Contributors.Sum(c => c.WeightPercent).ShouldBe(100m);
    }

    [Fact]
    public async Task My_follow_ups_list_overdue_and_upcoming_next_steps()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var officer = await factory.SignInAsync("officer");
        var page = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync("/activities"));
        var items = page.QuerySelectorAll("[data-testid=follow-ups] li").Select(li => li.TextContent).ToList();
        items.ShouldContain(t => t.Contains("市政配套方案报区领导审定") && t.Contains("已逾期 · 2026-11-15"));
        items.ShouldContain(t => t.Contains("报送后援中心选址方案") && t.Contains("待办 · 2026-11-30"));
        items.FindIndex(t => t.Contains("已逾期")).ShouldBe(0, "overdue first");

        var api = await officer.GetFromJsonAsync<List<FollowUpDto>>("/api/v1/me/follow-ups");
        api!.Count.ShouldBe(items.Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_follow_up_is_marked_done_with_its_outcome_and_reopened(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var officer = await factory.SignInAsync("officer");
        var before = await officer.GetFromJsonAsync<List<FollowUpDto>>("/api/v1/me/follow-ups");
        var item = before!.Single(f => f.NextStep.Contains("报送后援中心选址方案"));
        var form = $"done-{item.ActivityId}";

        var refused = await FormPoster.PostAsync(officer, "/activities", form, [new("on", "2026-11-20"), new("outcome", "")]);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var kept = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        kept.QuerySelector("[data-testid=form-error]")!.TextContent.ShouldContain("请填写办理结果");
        kept.QuerySelector($"#on-{item.ActivityId}")!.GetAttribute("value").ShouldBe("2026-11-20");

        (await FormPoster.PostAsync(officer, "/activities", form, [new("on", "2026-11-20"), new("outcome", "选址方案已报送区领导")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync("/activities"));
        page.QuerySelectorAll("[data-testid=follow-up]").Select(li => li.TextContent).ShouldNotContain(t => t.Contains("报送后援中心选址方案"));
        var done = page.QuerySelectorAll("[data-testid=done-follow-up]").Single(li => li.TextContent.Contains("报送后援中心选址方案"));
        done.TextContent.ShouldContain("2026-11-20 办结");
        done.TextContent.ShouldContain("办理结果：选址方案已报送区领导");

        // Reopened through the API: open again, outcome cleared (the audit log keeps it).
        (await officer.DeleteAsync($"/api/v1/activities/{item.ActivityId}/follow-up/completion")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await officer.GetFromJsonAsync<List<FollowUpDto>>("/api/v1/me/follow-ups");
        after!.Single(f => f.ActivityId == item.ActivityId).ShouldSatisfyAllConditions(f => f.DoneOn.ShouldBeNull(), f => f.Outcome.ShouldBeNull());
        var again = await officer.DeleteAsync($"/api/v1/activities/{item.ActivityId}/follow-up/completion");
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("尚未办结");

        // Someone who neither logged nor joined the visit may not close it.
        var head = await factory.SignInAsync("head");
        var foreign = await head.PostAsJsonAsync($"/api/v1/activities/{item.ActivityId}/follow-up/completion", new { doneOn = "2026-11-20", outcome = "代办" });
        foreign.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_door_knocking_visit_to_a_company_without_a_project_is_logged_from_the_company_page(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var officer = await factory.SignInAsync("officer");
        Guid company;
        await using (var db = factory.Database.CreateContext())
            company = await db.Companies.Where(c => c.Name == "吉林省金融控股集团股份有限公司").Select(c => c.Id).SingleAsync();
        var url = $"/companies/{company}";

        var refused = await FormPoster.PostAsync(officer, url, "company-visit", [new("date", "2026-11-21"), new("type", "DoorKnocking"), new("summary", "")]);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("请填写走访内容");

        (await FormPoster.PostAsync(officer, url, "company-visit",
            [new("date", "2026-11-21"), new("type", "BuildingSweep"), new("summary", "扫楼：了解基金管理人入驻需求"), new("next", "寄送楼宇政策汇编"), new("due", "2026-11-28")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var profile = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync(url));
        profile.QuerySelector("[data-testid=company-activities]")!.TextContent.ShouldContain("扫楼：扫楼：了解基金管理人入驻需求");
        var followUps = await officer.GetFromJsonAsync<List<FollowUpDto>>("/api/v1/me/follow-ups");
        var mine = followUps!.Single(f => f.NextStep == "寄送楼宇政策汇编");
        (mine.ProjectId, mine.CompanyId).ShouldBe((null, company));

        var api = await officer.PostAsJsonAsync($"/api/v1/companies/{company}/visits", new { date = "2026-11-22", type = (int)ActivityType.DoorKnocking, summary = "叩门拜访", companyId = (Guid?)null });
        api.StatusCode.ShouldBe(HttpStatusCode.Created, await api.Content.ReadAsStringAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_contracts_agreed_dates_are_set_in_the_form_and_the_api_and_a_decision_is_withdrawn_with_a_reason(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var head = await factory.SignInAsync("head");
        Guid project, tranche;
        await using (var db = factory.Database.CreateContext())
        {
            project = await db.Projects.Where(p => p.Name == "吉林长春基金广场二期").Select(p => p.Id).SingleAsync();
            tranche = await db.FundsTranches.Where(t => t.ProjectId == project && t.Verification == VerificationStatus.Verified).Select(t => t.Id).FirstAsync();
        }
        var url = $"/projects/{project}";

        var refused = await FormPoster.PostAsync(head, url, "add-contract", [new("kind", "Supplementary"), new("number", "BC-2026-01"), new("date", "2026-10-01"),
            new("parties", "南关区人民政府；吉林省金融控股集团股份有限公司"), new("domestic", "100"), new("foreign", "0"), new("currency", "USD"), new("landing", "2026-09-01")]);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("约定落位日期不能早于签约日期 2026-10-01");
        (await FormPoster.PostAsync(head, url, "add-contract", [new("kind", "Supplementary"), new("number", "BC-2026-01"), new("date", "2026-10-01"),
            new("parties", "南关区人民政府；吉林省金融控股集团股份有限公司"), new("domestic", "100"), new("foreign", "0"), new("currency", "USD"),
            new("landing", "2026-12-01"), new("start", "2027-03-01"), new("operation", "2028-06-30")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await new HtmlParser().ParseDocumentAsync(await head.GetStringAsync(url));
        page.QuerySelectorAll("[data-testid=agreed-dates]").Select(e => e.TextContent).ShouldContain("约定：落位 2026-12-01，开工 2027-03-01，投产 2028-06-30");

        var api = await head.PostAsJsonAsync($"/api/v1/projects/{project}/contracts", new
        {
            kind = (int)ContractKind.Supplementary, number = "BC-2026-02", signedOn = "2026-10-02", parties = "甲；乙", domesticCny = 0m, foreignAmount = 0m,
            foreignCurrency = "USD", agreedLandingDate = "2026-12-15",
        });
        api.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await head.GetFromJsonAsync<PipelineDto>($"/api/v1/projects/{project}/pipeline"))!.Contracts.Single(c => c.Number == "BC-2026-02").AgreedLandingDate.ShouldBe(new DateOnly(2026, 12, 15));

        // A verified tranche does not flip to 不予认定: the decision is withdrawn with a reason, then decided again.
        var flip = await head.PostAsJsonAsync($"/api/v1/tranches/{tranche}/verification", new { approve = false, note = "复核不通过" });
        flip.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await flip.Content.ReadAsStringAsync()).ShouldContain("请先撤销认定并写明原因");
        var noReason = await FormPoster.PostAsync(head, url, $"withdraw-{tranche}", [new("reason", "")]);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("撤销认定必须填写原因");
        (await FormPoster.PostAsync(head, url, $"withdraw-{tranche}", [new("reason", "进账单金额与验资报告不符")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var db = factory.Database.CreateContext())
        {
            var withdrawn = await db.FundsTranches.SingleAsync(t => t.Id == tranche);
            (withdrawn.Verification, withdrawn.VerificationNote).ShouldBe((VerificationStatus.Pending, "撤销认定：进账单金额与验资报告不符"));
            (await db.AuditLogs.CountAsync(a => a.EntityId == tranche.ToString() && a.Changes.Contains("撤销认定"))).ShouldBe(1);
        }
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_gets_a_conflict_message_and_changes_nothing()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var first = await factory.SignInAsync("officer");
        var second = await factory.SignInAsync("head");
        Guid project;
        await using (var db = factory.Database.CreateContext())
            project = await db.Projects.Where(p => p.Name == "华润中心二期").Select(p => p.Id).SingleAsync();
        var url = $"/projects/{project}";

        // Both open the edit form (same concurrency stamp), then both save.
        var firstPage = await new HtmlParser().ParseDocumentAsync(await first.GetStringAsync(url));
        var secondPage = await new HtmlParser().ParseDocumentAsync(await second.GetStringAsync(url));
        static Dictionary<string, string> Fields(AngleSharp.Dom.IDocument page, string name)
        {
            var form = page.QuerySelectorAll("form").First(f => f.QuerySelector("input[name=_handler][value=edit-project]") is not null);
            var fields = form.QuerySelectorAll("input[name], select[name]").Where(e => e.GetAttribute("type") != "submit")
                .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "");
            fields["Edit.Name"] = name;
            return fields;
        }
        (await first.PostAsync(url, new FormUrlEncodedContent(Fields(firstPage, "华润中心二期（甲）")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var conflict = await second.PostAsync(url, new FormUrlEncodedContent(Fields(secondPage, "华润中心二期（乙）")));
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await conflict.Content.ReadAsStringAsync()).ShouldContain("已被他人修改，您的修改未保存");

        await using var read = factory.Database.CreateContext();
        (await read.Projects.SingleAsync(p => p.Id == project)).Name.ShouldBe("华润中心二期（甲）");
    }
}

public class CompanyAndVisitWebTests
{
    [Fact]
    public async Task A_company_is_edited_and_a_wrong_credit_code_is_refused_without_saving()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var officer = await factory.SignInAsync("officer");
        Guid id;
        await using (var db = factory.Database.CreateContext())
            id = await db.Companies.Where(c => c.Name == "吉林亿联银行股份有限公司").Select(c => c.Id).SingleAsync();

        var refused = await FormPoster.PostAsync(officer, $"/companies/{id}/edit", "company-form",
            [new("name", "吉林亿联银行股份有限公司"), new("code", "12345"), new("nature", nameof(CompanyNature.Private)), new("kind", nameof(CompanyKind.Enterprise))]);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("统一社会信用代码应为 18 位");

        var saved = await FormPoster.PostAsync(officer, $"/companies/{id}/edit", "company-form",
            [new("name", "吉林亿联银行股份有限公司"), new("code", ""), new("nature", nameof(CompanyNature.Private)), new("kind", nameof(CompanyKind.Enterprise)),
             new("tags", "互联网银行、全国总部"), new("strategic", "true")]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var read = factory.Database.CreateContext();
        var company = await read.Companies.SingleAsync(c => c.Id == id);
        (company.Tags, company.IsStrategicInvestor).ShouldBe(("互联网银行、全国总部", true));
    }

    [Fact]
    public async Task Companies_are_linked_to_a_project_with_their_role()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var officer = await factory.SignInAsync("officer");
        Guid project, partner;
        await using (var db = factory.Database.CreateContext())
        {
            project = await db.Projects.Where(p => p.Name == "华润中心二期").Select(p => p.Id).SingleAsync();
            partner = await db.Companies.Where(c => c.Name == "中国中铁股份有限公司").Select(c => c.Id).SingleAsync();
        }
        (await FormPoster.PostAsync(officer, $"/projects/{project}", "link-company", [new("company", partner.ToString()), new("role", nameof(ProjectCompanyRole.Partner))]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync($"/projects/{project}"));
        var linked = page.QuerySelector("[data-testid=linked-companies]")!.TextContent;
        linked.ShouldContain("投资方 华润置地有限公司");
        linked.ShouldContain("合作方 中国中铁股份有限公司");
    }

    [Fact]
    public async Task A_visit_records_its_participants()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var officer = await factory.SignInAsync("officer");
        Guid project, leader;
        await using (var db = factory.Database.CreateContext())
        {
            project = await db.Projects.Where(p => p.Name == "华润中心二期").Select(p => p.Id).SingleAsync();
            leader = await db.Users.Where(u => u.UserName == "baobao").Select(u => u.Id).SingleAsync();
        }
        var response = await FormPoster.PostAsync(officer, $"/projects/{project}", "log-visit",
            [new("date", "2026-11-20"), new("type", nameof(ActivityType.ResponsibilityVisit)), new("summary", "陪同包保领导走访华润置地"), new("participants", leader.ToString())]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync($"/projects/{project}"));
        page.QuerySelector("[data-testid=visits]")!.TextContent.ShouldContain("参与：");
        page.QuerySelector("[data-testid=visits]")!.TextContent.ShouldContain("张华");
    }
}
