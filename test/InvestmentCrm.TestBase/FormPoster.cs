using AngleSharp.Html.Parser;

namespace InvestmentCrm.TestBase;

/// <summary>Submits a named form of a server-rendered page the way a browser would: its hidden fields plus the given ones.</summary>
public static class FormPoster
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(url));
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"页面 {url} 上没有名为 {formName} 的表单。");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(kv => fields.All(f => f.Key != kv.Key))
            .Concat(fields)
            .ToList();
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }
}
