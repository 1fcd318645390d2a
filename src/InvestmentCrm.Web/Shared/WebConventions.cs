namespace InvestmentCrm.Web.Shared;

/// <summary>Names every module's endpoints use alike; the host (Hosting/) defines what stands behind them.</summary>
public static class RateLimits
{
    /// <summary>Search as you type and pickers: per user (Hosting/SecuritySetup.cs).</summary>
    public const string Search = "search";
    /// <summary>Excel exports: per user.</summary>
    public const string Export = "export";
}

/// <summary>The body of a 201 answer of the API: the id of what was created (its address is in Location).</summary>
public sealed record CreatedId(Guid Id);

public static class ContentTypes
{
    public const string Excel = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

/// <summary>The claims the sign-in adds (Account/CrmClaimsPrincipalFactory.cs) and pages and the host read.</summary>
public static class CrmClaims
{
    public const string DisplayName = "crm:display_name";
    public const string DepartmentName = "crm:department";
    public const string DepartmentId = "crm:department_id";
    /// <summary>When the user signed in (absolute session limit).</summary>
    public const string SignedInAt = "crm:signed_in_at";
    /// <summary>The server-side session (Organization/SessionRegistry) the cookie belongs to.</summary>
    public const string SessionId = "crm:session";
    /// <summary>Present while the user must set a new password (initial or expired).</summary>
    public const string MustChangePassword = "crm:must_change_password";
    /// <summary>The date the password expires, yyyy-MM-dd, for the reminder.</summary>
    public const string PasswordExpiresOn = "crm:password_expires_on";
    /// <summary>Present on a call made with an API token (Account/ApiTokenAuthentication.cs): the token's id.</summary>
    public const string ApiTokenId = "crm:api_token";
    /// <summary>The token's prefix, naming it in the security log.</summary>
    public const string ApiTokenPrefix = "crm:api_token_prefix";
    /// <summary>The token's own rate limit per minute.</summary>
    public const string ApiTokenPermits = "crm:api_token_permits";
}
