using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using InvestmentCrm.Figures;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Projects;

/// <summary>Issue 15 (point 8): records on file are corrected or withdrawn with a written reason; the audit keeps the old values; figures follow.</summary>
public class RecordCorrectionTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Visits_contracts_and_pending_tranches_are_corrected_or_withdrawn_with_a_reason(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var head = await factory.SignInAsync("head");
        Guid project, pendingTranche, verifiedTranche;
        await using (var db = factory.Database.CreateContext())
        {
            project = await db.Projects.Where(p => p.Name == "吉林长春基金广场二期").Select(p => p.Id).SingleAsync();
            pendingTranche = await db.FundsTranches.Where(t => t.ProjectId == project && t.Verification == VerificationStatus.Pending).Select(t => t.Id).SingleAsync();
            verifiedTranche = await db.FundsTranches.Where(t => t.ProjectId == project && t.Verification == VerificationStatus.Verified).Select(t => t.Id).FirstAsync();
        }
        var url = $"/projects/{project}";
        var pipeline = (await head.GetFromJsonAsync<PipelineDto>($"/api/v1/projects/{project}/pipeline"))!;
        var visit = pipeline.Visits[0];
        var contract = pipeline.Contracts.Single(c => c.IsFormal);

        // A visit: no reason, no change (the input is kept); with one, corrected, and the note shows why.
        var refused = await FormPoster.PostAsync(head, url, $"correct-visit-{visit.Id}",
            [new("date", visit.Date.ToString("yyyy-MM-dd")), new("type", visit.Type.ToString()), new("summary", "更正后的洽谈内容"), new("reason", "")]);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var kept = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        kept.QuerySelector($"form textarea[name=summary]")!.TextContent.ShouldContain("更正后的洽谈内容");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("更正必须填写原因");
        (await FormPoster.PostAsync(head, url, $"correct-visit-{visit.Id}",
            [new("date", visit.Date.ToString("yyyy-MM-dd")), new("type", visit.Type.ToString()), new("summary", "更正后的洽谈内容"), new("reason", "记录时写错了洽谈对象")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var corrected = (await head.GetFromJsonAsync<PipelineDto>($"/api/v1/projects/{project}/pipeline"))!.Visits.Single(v => v.Id == visit.Id);
        (corrected.Summary, corrected.CorrectionNote).ShouldBe(("更正后的洽谈内容", "更正：记录时写错了洽谈对象"));
        (await head.PostAsJsonAsync($"/api/v1/activities/{visit.Id}/withdrawal", new { reason = "重复登记" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await head.GetFromJsonAsync<PipelineDto>($"/api/v1/projects/{project}/pipeline"))!.Visits.ShouldNotContain(v => v.Id == visit.Id);

        // A pending tranche: corrected in 万 as the form says, then withdrawn; a verified one only after 撤销认定.
        (await FormPoster.PostAsync(head, url, $"correct-tranche-{pendingTranche}",
            [new("date", "2026-11-18"), new("source", "Domestic"), new("amount", "9000"), new("currency", "CNY"), new("form", "FixedAssetInvestment"), new("evidence", "银行进账单"), new("reason", "金额录入少了 1000 万")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var tranche = (await head.GetFromJsonAsync<PipelineDto>($"/api/v1/projects/{project}/pipeline"))!.Tranches.Single(t => t.Id == pendingTranche);
        (tranche.Amount, tranche.CorrectionNote).ShouldBe((90_000_000m, "更正：金额录入少了 1000 万"));
        var decided = await head.PutAsJsonAsync($"/api/v1/tranches/{verifiedTranche}", new
        {
            tranche = new { arrivedOn = "2026-08-14", amount = 1m, currency = "CNY", source = 1, form = 2 }, reason = "改金额",
        });
        decided.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await decided.Content.ReadAsStringAsync()).ShouldContain("请先撤销认定");
        (await FormPoster.PostAsync(head, url, $"withdraw-tranche-{pendingTranche}", [new("reason", "企业撤回申报")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await head.GetFromJsonAsync<TrancheListDto>("/api/v1/tranches?status=Pending"))!.Page.Total.ShouldBe(0);

        // A formal contract withdrawn: the district's 到位率 denominator follows.
        var leader = await factory.SignInAsync("leader");
        var before = (await leader.GetFromJsonAsync<FigureSetDto>($"/api/v1/figures?year=2026&asOf=2026-11-22"))![Figure.DomesticArrivalRate].Denominator;
        (await FormPoster.PostAsync(head, url, $"withdraw-contract-{contract.Id}", [new("reason", "合同已解除，改签新合同")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = (await leader.GetFromJsonAsync<FigureSetDto>($"/api/v1/figures?year=2026&asOf=2026-11-22"))![Figure.DomesticArrivalRate].Denominator;
        after.ShouldBe(before - contract.DomesticCny);

        // The audit trail keeps the old values and the reasons.
        await using (var db = factory.Database.CreateContext())
        {
            var rows = await db.AuditLogs.Where(a => a.EntityId == pendingTranche.ToString() || a.EntityId == contract.Id.ToString() || a.EntityId == visit.Id.ToString())
                .Select(a => a.Changes).ToListAsync();
            rows.ShouldContain(c => c.Contains("金额录入少了 1000 万") && c.Contains("80000000"));
            rows.ShouldContain(c => c.Contains("撤回：合同已解除，改签新合同"));
            rows.ShouldContain(c => c.Contains("撤回：重复登记"));
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Landing_evidence_and_milestones_are_corrected_or_withdrawn_with_a_reason(string provider)
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(provider);
        var head = await factory.SignInAsync("head");
        Guid project;
        await using (var db = factory.Database.CreateContext())
            project = await db.Projects.Where(p => p.Name == "吉林长春基金广场二期").Select(p => p.Id).SingleAsync();
        var url = $"/projects/{project}";
        var evidence = (await head.GetFromJsonAsync<PipelineDto>($"/api/v1/projects/{project}/pipeline"))!.Landing[0];

        var refused = await FormPoster.PostAsync(head, url, $"correct-landing-{evidence.Id}",
            [new("kind", evidence.Kind.ToString()), new("date", evidence.Date.ToString("yyyy-MM-dd")), new("number", "长春南关 2026-营-0630A"), new("reason", " ")]);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("更正必须填写原因");
        (await FormPoster.PostAsync(head, url, $"correct-landing-{evidence.Id}",
            [new("kind", evidence.Kind.ToString()), new("date", evidence.Date.ToString("yyyy-MM-dd")), new("number", "长春南关 2026-营-0630A"), new("reason", "执照号漏了尾号")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var corrected = (await head.GetFromJsonAsync<PipelineDto>($"/api/v1/projects/{project}/pipeline"))!.Landing.Single(l => l.Id == evidence.Id);
        (corrected.DocumentNumber, corrected.CorrectionNote).ShouldBe(("长春南关 2026-营-0630A", "更正：执照号漏了尾号"));
        (await head.PostAsJsonAsync($"/api/v1/projects/{project}/landing/{evidence.Id}/withdrawal", new { reason = "执照登记在区外，不作落位凭证" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await head.GetFromJsonAsync<PipelineDto>($"/api/v1/projects/{project}/pipeline"))!.Landing.ShouldNotContain(l => l.Id == evidence.Id);

        (await FormPoster.PostAsync(head, url, "add-milestone", [new("phase", nameof(DispatchPhase.Construction)), new("title", "主体开工"), new("date", "2026-12-10")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var milestone = (await head.GetFromJsonAsync<List<MilestoneDto>>($"/api/v1/projects/{project}/milestones"))!.Single(m => m.Title == "主体开工");
        (await FormPoster.PostAsync(head, url, $"correct-milestone-{milestone.Id}",
            [new("phase", nameof(DispatchPhase.Construction)), new("title", "主体结构开工"), new("planned", "2026-12-20"), new("actual", ""), new("reason", "施工许可延后十天")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var moved = (await head.GetFromJsonAsync<List<MilestoneDto>>($"/api/v1/projects/{project}/milestones"))!.Single(m => m.Id == milestone.Id);
        (moved.Title, moved.PlannedDate, moved.CorrectionNote).ShouldBe(("主体结构开工", new DateOnly(2026, 12, 20), "更正：施工许可延后十天"));
        (await FormPoster.PostAsync(head, url, $"withdraw-milestone-{milestone.Id}", [new("reason", "与既有里程碑重复")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await head.GetFromJsonAsync<List<MilestoneDto>>($"/api/v1/projects/{project}/milestones"))!.ShouldNotContain(m => m.Id == milestone.Id);

        await using (var db = factory.Database.CreateContext())
        {
            (await db.ProjectMilestones.IgnoreQueryFilters().SingleAsync(m => m.Id == milestone.Id)).ShouldSatisfyAllConditions(
                m => m.IsDeleted.ShouldBeTrue(), m => m.CorrectionNote.ShouldBe("撤回：与既有里程碑重复"));
            (await db.AuditLogs.CountAsync(a => a.EntityId == evidence.Id.ToString() && a.Changes.Contains("长春南关 2026-营-0630"))).ShouldBeGreaterThan(0);
        }
    }
}
