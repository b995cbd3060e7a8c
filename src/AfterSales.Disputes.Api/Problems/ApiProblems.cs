using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Api.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Disputes.Api.Problems;

/// <summary>
/// RFC 9457 problem details for every error the API gives. Each has a stable <c>type</c> under
/// <c>/problems/</c> and, for dispute refusals, the refusal code and the actions the caller may take instead.
/// </summary>
public static class ApiProblems
{
    /// <summary>The most members a 400's <c>errors</c> names.</summary>
    public const int MaxInvalidMembers = 100;

    /// <summary>The most messages a 400 gives for one member.</summary>
    public const int MaxMessagesPerMember = 10;

    /// <summary>A problem with a status, a short title, a sentence and optional extensions.</summary>
    /// <remarks>A fixed English <paramref name="title"/> or <paramref name="detail"/> is answered in the request's language (<see cref="ApiTexts.Translate"/>).</remarks>
    public static ProblemHttpResult Problem(int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(ApiTexts.Translate("Detail", detail), statusCode: status, title: ApiTexts.Translate("Title", title), type: "/problems/" + type, extensions: extensions);

    /// <summary>
    /// 400 for a request outside the contract: the messages per member, by its path as JSON spells it. At most
    /// <see cref="MaxInvalidMembers"/> members with <see cref="MaxMessagesPerMember"/> messages each, as the document states.
    /// </summary>
    public static ValidationProblem Invalid(IEnumerable<ValidationError> errors) => TypedResults.ValidationProblem(Errors(errors),
        detail: ApiTexts.Translate("Detail", "Some members of the request are missing, malformed or out of bounds; errors names each."),
        title: ApiTexts.Translate("Title", "Invalid request"), type: "/problems/validation");

    /// <summary>A problem other than 400 whose <c>errors</c> name what is wrong per member or setting, as <see cref="Invalid(IEnumerable{ValidationError})"/>'s do.</summary>
    public static ProblemHttpResult Invalid(IEnumerable<ValidationError> errors, int status, string type, string title, string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(Errors(errors))
        {
            Status = status, Type = "/problems/" + type, Title = ApiTexts.Translate("Title", title), Detail = ApiTexts.Translate("Detail", detail),
        });

    private static Dictionary<string, string[]> Errors(IEnumerable<ValidationError> errors) =>
        errors.GroupBy(e => e.Field).Take(MaxInvalidMembers).ToDictionary(g => g.Key, g => g.Select(e => e.Message).Take(MaxMessagesPerMember).ToArray());

    /// <summary>404 for a resource that does not exist or that the caller may not see: the two are not told apart.</summary>
    public static ProblemHttpResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "not-found", "Not found", ApiTexts.Format("Problem.NotFound", ApiTexts.Translate("Thing", what)));

    /// <summary>403 for a role that may not call the route at all.</summary>
    public static ProblemHttpResult Forbidden(string role, string action) =>
        Problem(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", ApiTexts.Format("Problem.Forbidden", ApiTexts.Translate("Role", role), action));

    /// <summary>428 when a state change comes without <c>If-Match</c>.</summary>
    public static ProblemHttpResult PreconditionRequired() =>
        Problem(StatusCodes.Status428PreconditionRequired, "precondition-required", "If-Match required",
            "State changes need an If-Match header with the dispute's ETag, so that nobody acts on a stale view.");

    /// <summary>The HTTP answer to a dispute command that did not succeed.</summary>
    public static ProblemHttpResult From(DisputeCommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            CommandStatus.NotFound => NotFound("The dispute or order"),
            CommandStatus.StaleVersion => Problem(StatusCodes.Status412PreconditionFailed, "stale-version", "Stale version",
                ApiTexts.Format("Problem.StaleVersion", result.Dispute!.Version), new Dictionary<string, object?> { ["currentVersion"] = result.Dispute.Version }),
            CommandStatus.Conflict => Problem(StatusCodes.Status409Conflict, "concurrent-update", "Concurrent update",
                "Someone else changed the dispute at the same moment; reload it and try again."),
            _ => FromRefusal(result.Refusal!),
        };
    }

    private static ProblemHttpResult FromRefusal(DisputeRefusal refusal)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = refusal.Code.ToString(), ["allowedActions"] = refusal.AllowedActions };
        return refusal.Code switch
        {
            DisputeRefusalCode.NotAParty => NotFound("The dispute"),
            DisputeRefusalCode.InvalidInput => Problem(StatusCodes.Status400BadRequest, "invalid-input", "Invalid input", refusal.Message, extensions),
            DisputeRefusalCode.OverRefund => Problem(StatusCodes.Status422UnprocessableEntity, "over-refund", "Refund too large", refusal.Message, extensions),
            DisputeRefusalCode.NotEligible => Problem(StatusCodes.Status422UnprocessableEntity, "not-eligible", "Not eligible", refusal.Message, extensions),
            DisputeRefusalCode.LineAlreadyDisputed => Problem(StatusCodes.Status409Conflict, "line-already-disputed", "Request already open", refusal.Message, extensions),
            _ => Problem(StatusCodes.Status409Conflict, "not-allowed", "Action not allowed now", refusal.Message, extensions),
        };
    }
}
