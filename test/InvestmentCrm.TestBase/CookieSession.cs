using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using InvestmentCrm.EntityFrameworkCore.Seeding;

namespace InvestmentCrm.TestBase;

/// <summary>
/// A browser's cookie jar kept by hand, so that a test can copy it — the way an attacker replays a stolen cookie — and
/// send the copy after the original signed out.
/// </summary>
public sealed class CookieSession(HttpClient client)
{
    private Dictionary<string, string> _cookies = [];

    public CookieSession Copy() => new(client) { _cookies = new(_cookies) };

    public static async Task<CookieSession> SignInAsync(CrmWebApplicationFactory factory, string userName, string password = DemoDataSeeder.DemoPassword)
    {
        var session = new CookieSession(factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));
        var response = await session.PostFormAsync("/account/login", "login", [new("Input.UserName", userName), new("Input.Password", password)]);
        return response.StatusCode == System.Net.HttpStatusCode.Redirect ? session : throw new InvalidOperationException($"登录 {userName} 失败");
    }

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>Posts a named form of the page at <paramref name="url"/> with the page's own antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string formName, IEnumerable<KeyValuePair<string, string>> fields, string? pageUrl = null)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await (await GetAsync(pageUrl ?? url)).Content.ReadAsStringAsync());
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("_handler", formName) };
        form.AddRange(fields);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) });
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var header in set)
            {
                var pair = header.Split(';')[0];
                var name = pair[..pair.IndexOf('=')];
                var value = pair[(pair.IndexOf('=') + 1)..];
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    _cookies.Remove(name);
                else
                    _cookies[name] = value;
            }
        return response;
    }
}
