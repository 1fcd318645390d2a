using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Web.Tests.Companies;

public class CompanyWebTests
{
    [Fact]
    public async Task The_search_page_its_fragment_and_the_API_give_the_same_ranked_hits()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var officer = await factory.SignInAsync("officer");

        var page = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync("/companies?q=%E4%BA%BF%E8%81%94")); // 亿联
        var first = page.QuerySelector("[data-testid=company-hit] h2")!;
        first.TextContent.ShouldContain("吉林亿联银行股份有限公司");
        first.QuerySelector("mark")!.TextContent.ShouldBe("亿联");

        var fragment = await officer.GetAsync("/companies/results?q=%E4%BA%BF%E8%81%94");
        fragment.Headers.GetValues("HX-Replace-Url").Single().ShouldBe("companies?q=%E4%BA%BF%E8%81%94");
        var html = await new HtmlParser().ParseDocumentAsync(await fragment.Content.ReadAsStringAsync());
        html.QuerySelector("html > body > nav, .crm-sidebar").ShouldBeNull(); // a fragment, not a page
        html.QuerySelector("[data-testid=company-hit] h2")!.TextContent.ShouldContain("吉林亿联银行股份有限公司");

        var api = await officer.GetFromJsonAsync<JsonElement>("/api/v1/companies/search?q=%E4%BA%BF%E8%81%94");
        api.GetProperty("hits")[0].GetProperty("name").GetString().ShouldBe("吉林亿联银行股份有限公司");
        api.GetProperty("hits")[0].GetProperty("rank").GetString().ShouldBe("NamePrefix");

        // The picker's options: the same search, without the excluded company (the profile's own, when merging).
        var yillion = page.QuerySelector("[data-testid=company-hit] a")!.GetAttribute("href")!["companies/".Length..];
        var options = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync("/companies/picker?q=%E9%93%B6%E8%A1%8C&field=duplicate&optional=false"));
        options.QuerySelectorAll("input[name=duplicate]").Select(i => i.GetAttribute("value")).ShouldContain(yillion);
        var without = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync($"/companies/picker?q=%E9%93%B6%E8%A1%8C&field=duplicate&optional=false&exclude={yillion}"));
        without.QuerySelectorAll("input[name=duplicate]").Select(i => i.GetAttribute("value")).ShouldNotContain(yillion);

        var empty = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync("/companies?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E5%AE%B6"));
        empty.QuerySelector("[data-testid=empty]").ShouldNotBeNull();
        (await officer.GetAsync("/api/v1/companies/search?q=%E5%8D%8E&after=broken")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_profile_masks_phones_and_a_company_outside_the_scope_is_not_found()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        Guid huawei, hidden;
        await using (var db = factory.Database.CreateContext())
        {
            huawei = await db.Companies.Where(c => c.Name == "华为技术有限公司").Select(c => c.Id).SingleAsync();
            var zone = await db.Departments.Where(d => d.Code == "NG-KFQ-ZS").Select(d => d.Id).SingleAsync();
            var company = new Company("开发区自有企业有限公司", CompanyNature.Private) { OwnerDepartmentId = zone };
            db.Companies.Add(company);
            await db.SaveChangesAsync();
            hidden = company.Id;
        }
        var officer = await factory.SignInAsync("officer");

        var profile = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync($"/companies/{huawei}"));
        var contacts = profile.QuerySelector("[data-testid=contacts]")!.TextContent;
        contacts.ShouldContain("138****0001");
        contacts.ShouldNotContain("13804310001");
        profile.QuerySelector("[data-testid=company-projects]")!.TextContent.ShouldContain("华为吉林区域总部");

        (await officer.GetAsync($"/companies/{hidden}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync($"/api/v1/companies/{hidden}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var search = await officer.GetFromJsonAsync<JsonElement>("/api/v1/companies/search?q=%E5%BC%80%E5%8F%91%E5%8C%BA%E8%87%AA%E6%9C%89"); // 开发区自有
        search.GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_similar_name_is_shown_before_saving_and_saved_once_confirmed()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        var officer = await factory.SignInAsync("officer");
        KeyValuePair<string, string>[] Fields(bool confirm) =>
        [
            new("name", "华为技术（长春）有限公司"), new("nature", nameof(CompanyNature.Private)), new("kind", nameof(CompanyKind.Enterprise)),
            .. confirm ? new KeyValuePair<string, string>[] { new("confirm", "true") } : [],
        ];

        var refused = await FormPoster.PostAsync(officer, "/companies/new", "company-form", Fields(confirm: false));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=similar-companies]")!.TextContent.ShouldContain("华为技术有限公司");
        page.QuerySelector("[data-testid=confirm-not-duplicate]").ShouldNotBeNull();

        var api = await officer.PostAsJsonAsync("/api/v1/companies", new CompanyInput("华为技术（长春）有限公司", null, CompanyNature.Private, CompanyKind.Enterprise, null, null, null, false));
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("similar").GetProperty("inScope")[0].GetProperty("name").GetString().ShouldBe("华为技术有限公司");

        (await FormPoster.PostAsync(officer, "/companies/new", "company-form", Fields(confirm: true))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = factory.Database.CreateContext();
        (await db.Companies.CountAsync(c => c.Name == "华为技术（长春）有限公司")).ShouldBe(1);
    }

    [Fact]
    public async Task Merging_on_the_profile_moves_the_duplicate_and_its_old_address_points_to_the_survivor()
    {
        await using var factory = await CrmWebApplicationFactory.CreateAsync(DatabaseProviders.Sqlite);
        Guid survivor, duplicate;
        await using (var db = factory.Database.CreateContext())
        {
            survivor = await db.Companies.Where(c => c.Name == "吉林亿联银行股份有限公司").Select(c => c.Id).SingleAsync();
            var copy = new Company("亿联银行（重复登记）", CompanyNature.Private) { OwnerDepartmentId = await db.Departments.Where(d => d.Code == "NG-SWJ").Select(d => d.Id).SingleAsync() };
            db.Companies.Add(copy);
            await db.SaveChangesAsync();
            duplicate = copy.Id;
        }
        var officer = await factory.SignInAsync("officer");

        var deleteLinked = await FormPoster.PostAsync(officer, $"/companies/{survivor}", "delete-company", []);
        deleteLinked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await deleteLinked.Content.ReadAsStringAsync()).ShouldContain("不能删除；如为重复登记，请把它合并到正确的企业");

        (await FormPoster.PostAsync(officer, $"/companies/{survivor}", "merge", [new("duplicate", duplicate.ToString())])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var old = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync($"/companies/{duplicate}"));
        old.QuerySelector("[data-testid=merged-into] a")!.GetAttribute("href").ShouldBe($"companies/{survivor}");
        var profile = await new HtmlParser().ParseDocumentAsync(await officer.GetStringAsync($"/companies/{survivor}"));
        profile.QuerySelector("[data-testid=merged-names]")!.TextContent.ShouldBe("亿联银行（重复登记）");

        var assessor = await factory.SignInAsync("assessor"); // may read companies, may not change them
        var readOnly = await new HtmlParser().ParseDocumentAsync(await assessor.GetStringAsync($"/companies/{survivor}"));
        readOnly.QuerySelector("[data-testid=company-name]")!.TextContent.ShouldContain("吉林亿联银行股份有限公司");
        readOnly.QuerySelectorAll("input[name=_handler]").Select(i => i.GetAttribute("value")).ShouldNotContain("merge");
        readOnly.QuerySelector($"a[href='companies/{survivor}/edit']").ShouldBeNull();
        var edit = await assessor.GetAsync($"/companies/{survivor}/edit");
        (edit.StatusCode, edit.Headers.Location!.AbsolutePath).ShouldBe((HttpStatusCode.Found, "/account/access-denied"));
    }
}
