using System.Text.Json;
using AfterSales.Disputes.Application;
using Microsoft.AspNetCore.Diagnostics;

namespace AfterSales.Disputes.Api.Problems;

/// <summary>
/// Turns what reaches the exception handler into problem details: malformed JSON and unknown properties
/// (400), bodies over the size limit (413), request validation (400 with field errors). Anything else is a
/// 500 without internals.
/// </summary>
internal sealed class ErrorHandling : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult result = exception switch
        {
            RequestValidationException validation => TypedResults.ValidationProblem(
                validation.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "Invalid request", type: "/problems/validation"),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiProblems.Problem(
                StatusCodes.Status413PayloadTooLarge, "too-large", "Body too large", "The request body is larger than this route accepts."),
            BadHttpRequestException bad => ApiProblems.Problem(bad.StatusCode, "malformed-request", "Malformed request", Describe(bad)),
            _ => ApiProblems.Problem(StatusCodes.Status500InternalServerError, "internal", "Internal error", "Something went wrong on our side."),
        };
        await result.ExecuteAsync(httpContext);
        return true;
    }

    // The JSON reader's message names the path and what was wrong ("The JSON property 'foo' could not be mapped").
    private static string Describe(BadHttpRequestException exception) =>
        exception.InnerException is JsonException json ? "The body is not valid for this route: " + json.Message : exception.Message;
}
