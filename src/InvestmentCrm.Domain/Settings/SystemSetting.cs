namespace InvestmentCrm.Settings;

/// <summary>A key/value fact about this installation, e.g. that the demo seed was applied.</summary>
public class SystemSetting
{
    private SystemSetting() { Key = ""; Value = ""; }

    public SystemSetting(string key, string value) => (Key, Value) = (key, value);

    public string Key { get; private set; }
    public string Value { get; set; }

    public const string DemoSeedAppliedKey = "DemoSeed.AppliedAt";
}
