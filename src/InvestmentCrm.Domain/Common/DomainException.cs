namespace InvestmentCrm.Common;

/// <summary>A business rule was broken. The message is Chinese and is shown to the user as is.</summary>
public class DomainException(string message) : Exception(message);
