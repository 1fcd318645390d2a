using InvestmentCrm.Common;

namespace InvestmentCrm.Domain.Tests.Common;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the example printed in GB 32100-2015
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("91110000600037341L")]
    public void Accepts_codes_with_a_correct_check_character(string code)
    {
        CreditCode.Parse(code).Value.ShouldBe(code);
    }

    [Fact]
    public void Normalises_spaces_and_lower_case()
    {
        CreditCode.Parse(" 9135 0100m000100y43 ").Value.ShouldBe("91350100M000100Y43");
    }

    [Fact]
    public void Refuses_a_wrong_check_character_and_names_the_right_one()
    {
        var error = Should.Throw<DomainException>(() => CreditCode.Parse("91350100M000100Y44"));
        error.Message.ShouldBe("统一社会信用代码校验位错误：第 18 位应为“3”。");
    }

    [Theory]
    [InlineData("91350100M000100Y4", "统一社会信用代码应为 18 位，当前为 17 位。")]
    [InlineData("91350100M0001O0Y43", "统一社会信用代码第 14 位“O”不是合法字符（不使用 I、O、Z、S、V）。")]
    [InlineData("", "统一社会信用代码应为 18 位，当前为 0 位。")]
    public void Explains_in_Chinese_what_is_wrong(string code, string message)
    {
        CreditCode.Validate(code, out _).ShouldBe(message);
        CreditCode.TryParse(code, out var parsed).ShouldBeFalse();
        parsed.ShouldBeNull();
    }

    [Fact]
    public void Check_character_completes_any_17_characters_to_a_valid_code()
    {
        const string first17 = "91220102MA14X5R7Y";
        CreditCode.TryParse(first17 + CreditCode.CheckCharacter(first17), out var code).ShouldBeTrue();
        code!.Value.ShouldStartWith(first17);
    }
}
