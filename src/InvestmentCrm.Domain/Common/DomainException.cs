namespace InvestmentCrm.Common;

/// <summary>A business rule was broken. The message is Chinese and is shown to the user as is.</summary>
public class DomainException(string message) : Exception(message);

/// <summary>
/// The one "not found": the record does not exist, or lies outside the reader's data scope (the two answer alike, so
/// existence does not leak). Pages and the API answer 404 with the Chinese message.
/// </summary>
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>The record exists already (a duplicate, or a parallel request won the race): 409 with the Chinese reason.</summary>
public class ConflictException(string message) : DomainException(message);

/// <summary>
/// An edit sent without the concurrency stamp it was based on: 428, so that nobody overwrites someone else's change
/// without having seen it (docs/security.md, "Concurrency").
/// </summary>
public sealed class StampRequiredException() : DomainException("修改须携带读取时得到的 concurrencyStamp，以免覆盖他人的修改。请先读取记录，再带上其 concurrencyStamp 提交。");
