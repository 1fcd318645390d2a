using InvestmentCrm.Common;

namespace InvestmentCrm.Web.Shared;

/// <summary>
/// How a refused request is answered, the same for the API (ProblemDetails, Hosting/ChineseProblemDetails.cs) and for
/// pages (<see cref="PageAction"/>): the status and the Chinese message the user reads.
/// </summary>
public static class BusinessErrors
{
    public const string ConcurrencyMessage = "该记录已被他人修改，您的修改未保存。请刷新后重新编辑。";

    /// <summary>The answer to an exception the caller caused, or null for anything else (a fault: 500).</summary>
    public static (int Status, string Message)? Describe(Exception exception) => exception switch
    {
        NotFoundException notFound => (StatusCodes.Status404NotFound, notFound.Message),
        ConflictException conflict => (StatusCodes.Status409Conflict, conflict.Message),
        StampRequiredException stamp => (StatusCodes.Status428PreconditionRequired, stamp.Message),
        DomainException domain => (StatusCodes.Status400BadRequest, domain.Message),
        UnauthorizedAccessException denied => (StatusCodes.Status403Forbidden, denied.Message),
        Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, ConcurrencyMessage),
        BadHttpRequestException bad => (bad.StatusCode, MalformedRequests.Describe(bad)),
        _ => null,
    };
}

/// <summary>
/// The one way a page runs work that may be refused — a posted change (which navigates on success), or a load with an
/// id or parameters from the address: a refusal sets the response status as the API would and returns the Chinese
/// message for the page to show (beside the form that was sent).
/// </summary>
public static class PageAction
{
    /// <summary>Why a change was refused: the message shown beside the form, and the exception for pages that show more.</summary>
    public sealed record Refusal(string Message, Exception Reason);

    /// <summary>Null when the action succeeded, otherwise its refusal.</summary>
    public static async Task<Refusal?> RunAsync(HttpContext http, Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex) when (BusinessErrors.Describe(ex) is { } refusal)
        {
            http.Response.StatusCode = refusal.Status;
            return new Refusal(refusal.Message, ex);
        }
    }

    /// <summary>A change that tells the user what it did: its own message, or the refusal's.</summary>
    public static async Task<(string Message, bool IsError)> RunAsync(HttpContext http, Func<Task<string>> action)
    {
        var done = "";
        var refusal = await RunAsync(http, async () => { done = await action(); });
        return refusal is null ? (done, false) : (refusal.Message, true);
    }

    /// <summary>A change the user may not make: 403 and the message, nothing run.</summary>
    public static string Forbidden(HttpContext http, string message)
    {
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        return message;
    }
}
