namespace InvestmentCrm.Common;

/// <summary>A business rule was broken. The message is Chinese and is shown to the user as is.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>
/// The one "not found": the record does not exist, or lies outside the reader's data scope (the two answer alike, so
/// existence does not leak). Pages and the API answer 404 with the Chinese message.
/// </summary>
public sealed class NotFoundException(string message) : DomainException(message);
