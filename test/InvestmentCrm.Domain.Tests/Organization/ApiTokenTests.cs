using InvestmentCrm.Common;
using InvestmentCrm.Organization;

namespace InvestmentCrm.Domain.Tests.Organization;

/// <summary>Issue 20: the rules of an integration's API token — validity, roles it may carry, revocation, last use.</summary>
public class ApiTokenTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTime Now = new(2026, 11, 22, 1, 0, 0, DateTimeKind.Utc);

    private static ApiToken Issue(DateOnly expiresOn, int permits = 600) =>
        ApiToken.Issue(Guid.NewGuid(), "crm_abcdefgh", new string('A', 64), expiresOn, permits, Today, Now, Guid.NewGuid());

    [Fact]
    public void A_token_is_valid_through_its_last_day_and_at_most_a_year()
    {
        var token = Issue(Today.AddDays(ApiToken.MaxValidityDays));
        token.StatusOn(Today).ShouldBe(ApiTokenStatus.Active);
        token.StatusOn(token.ExpiresOn).ShouldBe(ApiTokenStatus.Active);
        token.StatusOn(token.ExpiresOn.AddDays(1)).ShouldBe(ApiTokenStatus.Expired);

        Should.Throw<DomainException>(() => Issue(Today.AddDays(ApiToken.MaxValidityDays + 1))).Message.ShouldContain("最长有效 366 天");
        Should.Throw<DomainException>(() => Issue(Today.AddDays(-1))).Message.ShouldContain("不能早于今天");
        Should.Throw<DomainException>(() => Issue(Today.AddDays(30), permits: 0)).Message.ShouldContain("每分钟调用上限");
        Should.Throw<DomainException>(() => Issue(Today.AddDays(30), permits: ApiToken.MaxPermitsPerMinute + 1)).Message.ShouldContain("每分钟调用上限");
    }

    [Theory]
    [InlineData(Roles.SystemAdmin)]
    [InlineData(Roles.AuditAdmin)]
    [InlineData(Roles.SecurityAdmin)]
    [InlineData("NoSuchRole")]
    public void Only_a_business_role_can_be_bound(string role) =>
        Should.Throw<DomainException>(() => ApiToken.EnsureBindable(role)).Message.ShouldStartWith("角色：");

    [Fact]
    public void Every_business_role_can_be_bound() =>
        Roles.Business.ShouldAllBe(role => Bindable(role));

    private static bool Bindable(string role)
    {
        ApiToken.EnsureBindable(role);
        return true;
    }

    [Fact]
    public void A_revoked_token_stays_revoked()
    {
        var token = Issue(Today.AddDays(30));
        token.IsLastUseStale(Now).ShouldBeTrue("never used");
        token.Revoke(Now, Guid.NewGuid());
        token.StatusOn(Today).ShouldBe(ApiTokenStatus.Revoked);
        Should.Throw<DomainException>(() => token.Revoke(Now, null)).Message.ShouldBe("该令牌已吊销。");
    }
}
