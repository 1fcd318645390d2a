using InvestmentCrm.Common;
using Microsoft.AspNetCore.Identity;

namespace InvestmentCrm.Organization;

public static class IdentityResults
{
    /// <summary>An account change Identity refused, as the Chinese refusal of the form (ChineseIdentityErrorDescriber's messages).</summary>
    public static void ThrowIfFailed(this IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
