using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Disputes.Api.Localization;
using AfterSales.Disputes.Application;
using Microsoft.AspNetCore.Diagnostics;

namespace AfterSales.Disputes.Api.Problems;

/// <summary>
/// Turns what reaches the exception handler into problem details: malformed JSON and unknown properties
/// (400), bodies over the size limit (413), request validation (400 with field errors). Anything else is a
/// 500 without internals, logged with its trace id (a handler that answers suppresses ASP.NET's own log).
/// </summary>
internal sealed partial class ErrorHandling(ILogger<ErrorHandling> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult result = exception switch
        {
            RequestValidationException validation => ApiProblems.Invalid(validation.Errors),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiProblems.Problem(
                StatusCodes.Status413PayloadTooLarge, "too-large", "Body too large", "The request body is larger than this route accepts."),
            BadHttpRequestException { InnerException: JsonException json } => ApiProblems.Invalid([Describe(json)]),
            BadHttpRequestException bad => ApiProblems.Problem(bad.StatusCode, "malformed-request", "Malformed request", bad.Message),
            _ => Unexpected(httpContext, exception),
        };
        await result.ExecuteAsync(httpContext);
        return true;
    }

    private IResult Unexpected(HttpContext httpContext, Exception exception)
    {
        LogUnexpected(exception, httpContext.Request.Method, httpContext.Request.Path, System.Diagnostics.Activity.Current?.Id ?? httpContext.TraceIdentifier); // as the problem's traceId
        return ApiProblems.Problem(StatusCodes.Status500InternalServerError, "internal", "Internal error", "Something went wrong on our side.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path} (trace {TraceId})")]
    private partial void LogUnexpected(Exception exception, string method, string path, string traceId);

    // The JSON reader's messages name .NET types; the answer names the member by its path, as the document does.
    private static ValidationError Describe(JsonException exception)
    {
        var path = (exception.Path ?? "$").TrimStart('$').TrimStart('.');
        var message = exception.Message;
        // The reader's path points at the member itself for an unknown or null member, at the object for a missing one;
        // the message names the member as .NET does (ReasonCode), the path as JSON does (reasonCode).
        string At(string member) =>
            path.Length == 0 ? JsonNamingPolicy.CamelCase.ConvertName(member)
            : path.EndsWith(member, StringComparison.OrdinalIgnoreCase) ? path
            : $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(member)}";
        if (s_missing.Match(message) is { Success: true } missing)
        {
            return new(At(missing.Groups[1].Value), ApiTexts.Format("Member.Required"));
        }

        if (s_unknown.Match(message) is { Success: true } unknown)
        {
            return new(At(unknown.Groups[1].Value), ApiTexts.Format("Member.Unknown"));
        }

        if (s_null.Match(message) is { Success: true } nulled)
        {
            return new(At(nulled.Groups[1].Value), ApiTexts.Format("Member.NotNull"));
        }

        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return new(path, ApiTexts.Format("Member.WrongType"));
        }

        // The engine's own converters (an amount, a currency) explain in words; pass those on, without the position.
        var namesNoType = exception.InnerException is null
            && !message.Contains("AfterSales.", StringComparison.Ordinal) && !message.Contains("System.", StringComparison.Ordinal);
        return new(path, namesNoType ? s_position.Replace(message, "") : ApiTexts.Format("Member.NotJson"));
    }

    private static readonly Regex s_missing = new("missing required properties including: '([^']+)'", RegexOptions.Compiled);
    private static readonly Regex s_unknown = new("The JSON property '([^']+)' could not be mapped", RegexOptions.Compiled);
    private static readonly Regex s_null = new("(?:property or field|constructor parameter) '([^']+)' on type '[^']+' doesn't allow (?:setting |getting )?null", RegexOptions.Compiled);
    private static readonly Regex s_position = new(@" ?(Path: \$[^|]*)?\| LineNumber: \d+ \| BytePositionInLine: \d+\.", RegexOptions.Compiled);
}
