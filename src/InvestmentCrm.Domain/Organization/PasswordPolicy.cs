namespace InvestmentCrm.Organization;

/// <summary>
/// The password rule (docs/security.md, "Authentication"): at least 10 characters, 3 of the 4 character classes, not a
/// common or published password (the demo password included — demo accounts are seeded without this check), not a
/// trivial pattern, not containing the user name. Reuse of the last five is checked against stored hashes by the host.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 10;
    public const int RememberedPasswords = 5;

    /// <summary>Passwords attackers try first, whole.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "Password123!", "Password@123", "P@ssw0rd123", "P@ssword123", "Passw0rd!23", "Admin@12345", "Admin@123456", "admin123456",
        "Aa123456789", "Aa1234567890", "Abc@123456", "Abcd@12345", "Abc123456!", "Qwer@12345", "Qwerty@123", "Qwerty12345!",
        "1qaz@WSX3edc", "1qaz2wsx3edc", "1QAZ2wsx#EDC", "Zxcv@12345", "Asdf@12345", "Woaini@1314", "woaini1314520",
        "Welcome@123", "Welcome123!", "Changeme123!", "Test@123456", "Root@123456", "Huawei@123", "Huawei@1234",
        "Sys@123456", "System@123", "Gov@123456", "Aa@123456789", "Aa123456!@#", "a123456789!", "Qq123456789",
        "ABCabc123!", "12345678Aa", "123456789Aa!", "Nanguan@2026",
    };

    /// <summary>Words that, with digits and symbols around them, make the published lists (e.g. “Nanguan@2026”, “Admin#2024”).</summary>
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pass", "admin", "administrator", "root", "system", "sys", "test", "guest", "user", "welcome", "changeme",
        "qwerty", "qwer", "asdf", "zxcv", "abc", "abcd", "aa", "qq", "woaini", "iloveyou", "huawei", "gov", "zhengfu",
        "nanguan", "changchun", "jilin", "china", "beijing", "zhaoshang", "touzi", "crm", "letmein", "monkey", "dragon",
    };

    private static readonly string[] Sequences =
    [
        "abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "!@#$%^&*()",
    ];

    /// <summary>Why the password is refused (empty when it is acceptable).</summary>
    public static IReadOnlyList<string> Problems(string? password, string? userName)
    {
        password ??= "";
        var problems = new List<string>();
        if (password.Length < MinimumLength)
            problems.Add($"密码长度至少 {MinimumLength} 位。");
        var classes = new[] { password.Any(char.IsUpper), password.Any(char.IsLower), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }.Count(x => x);
        if (classes < 3)
            problems.Add("密码须包含大写字母、小写字母、数字、特殊字符中的至少三类。");
        if (IsCommon(password))
            problems.Add("该密码是常见或公开的密码，容易被猜中，请换一个。");
        else if (IsTrivialPattern(password))
            problems.Add("密码过于规律（重复字符、连续字母或数字、键盘顺序），请换一个。");
        if (userName is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            problems.Add("密码不能包含用户名。");
        return problems;
    }

    public static bool IsCommon(string password)
    {
        if (Common.Contains(password))
            return true;
        // The word inside, with digits and symbols around it dropped and the usual substitutions undone: “P@ssw0rd2024!”
        // and “Admin#2025” are “password” and “admin”. Tried with and without the leading run (“@dmin2024”).
        var trailing = password.TrimEnd(NotLetters);
        return IsCommonWord(trailing) || IsCommonWord(trailing.TrimStart(NotLetters));
    }

    private static readonly char[] NotLetters = [.. "0123456789!@#$%^&*()-_=+[]{};:'\",.<>/?`~|\\ "];

    private static bool IsCommonWord(string text)
    {
        var letters = new string(text.ToLowerInvariant()
            .Select(c => c switch { '@' => 'a', '0' => 'o', '1' => 'i', '3' => 'e', '$' => 's', '5' => 's', _ => c })
            .Where(char.IsAsciiLetterLower).ToArray());
        // Only digits and symbols is as guessable as a word; Chinese characters count as letters here.
        return !text.Any(char.IsLetter) || CommonWords.Contains(letters);
    }

    public static bool IsTrivialPattern(string password)
    {
        var lower = password.ToLowerInvariant();
        if (lower.Distinct().Count() < 5)
            return true;
        for (var i = 0; i + 4 <= lower.Length; i++)
            if (lower[i] == lower[i + 1] && lower[i] == lower[i + 2] && lower[i] == lower[i + 3])
                return true;
        // Six or more characters in keyboard or alphabet order, forwards or backwards.
        const int run = 6;
        for (var i = 0; i + run <= lower.Length; i++)
        {
            var part = lower.Substring(i, run);
            var reversed = new string(part.Reverse().ToArray());
            if (Sequences.Any(s => s.Contains(part, StringComparison.Ordinal) || s.Contains(reversed, StringComparison.Ordinal)))
                return true;
        }
        return false;
    }
}
