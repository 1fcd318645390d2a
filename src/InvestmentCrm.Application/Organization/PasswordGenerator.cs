using System.Security.Cryptography;

namespace InvestmentCrm.Organization;

/// <summary>
/// Random initial passwords (shown once, to be changed at first login): 14 characters from all four classes, drawn again
/// until <see cref="PasswordPolicy"/> accepts them for this user — a random one may contain a short user name.
/// </summary>
public static class PasswordGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!@#$%^&*-_=+?";

    public static string Generate(string userName, int length = 14)
    {
        while (true)
        {
            var candidate = Draw(length);
            if (PasswordPolicy.Problems(candidate, userName).Count == 0)
                return candidate;
        }
    }

    private static string Draw(int length)
    {
        var all = Upper + Lower + Digits + Symbols;
        var chars = new List<char> { Pick(Upper), Pick(Lower), Pick(Digits), Pick(Symbols) };
        while (chars.Count < length)
            chars.Add(Pick(all));
        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());
    }

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}
