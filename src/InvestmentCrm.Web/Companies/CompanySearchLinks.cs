using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using Microsoft.AspNetCore.WebUtilities;

namespace InvestmentCrm.Web.Companies;

/// <summary>Query strings of the search page and its fragment, so that every state has a link (works without JavaScript).</summary>
public static class CompanySearchLinks
{
    public static string Page(CompanySearchRequest request, string? after = null) => With("companies", request, after);

    public static string Results(CompanySearchRequest request, string? after = null) => With("companies/results", request, after);

    public static string With(string path, CompanySearchRequest request, string? after = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = request.Text.NullIfBlank(),
            ["industry"] = request.Industry,
            ["nature"] = request.Nature?.ToString(),
            ["tag"] = request.Tag,
            ["origin"] = request.Origin,
            ["after"] = after,
        };
        return QueryHelpers.AddQueryString(path, query.Where(p => p.Value is not null));
    }

    public static CompanySearchRequest Toggle(CompanySearchRequest request, string facet, string value) => facet switch
    {
        "industry" => request with { Industry = request.Industry == value ? null : value },
        "nature" => request with { Nature = Enum.TryParse<CompanyNature>(value, out var n) && request.Nature != n ? n : null },
        "tag" => request with { Tag = request.Tag == value ? null : value },
        "origin" => request with { Origin = request.Origin == value ? null : value },
        _ => request,
    };
}
