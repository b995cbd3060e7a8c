using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Deadlines;
using AfterSales.Disputes.Application.Outbox;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>
/// The test clock (Development and sandbox hosts only; these routes do not exist in Production): the platform reads
/// the host's business time and moves it forward; deadlines then fall due as they would at that time.
/// </summary>
internal static class TestClockEndpoints
{
    /// <summary>How far one call may move the clock: ten years.</summary>
    public const long MaxAdvanceSeconds = 10L * 366 * 24 * 3600;

    public static void MapTestClockEndpoints(this RouteGroupBuilder api)
    {
        var clock = api.MapGroup("/test-clock").WithTags("Test clock").RequireAuthorization(AuthorizationPolicies.Platform);

        clock.MapGet("/", (TestClock time) => TypedResults.Ok(new TestClockState(time.GetUtcNow(), (long)time.Offset.TotalSeconds, DeadlinesFired: 0)))
            .WithName("TestClock_Read").WithSummary("The host's business time and how far it is ahead of the real time (platform).")
            .WithDescription("Only on Development and sandbox hosts (AfterSales:Sandbox); in Production the route does not exist.")
            .Produces<TestClockState>().ProducesProblem(StatusCodes.Status403Forbidden);

        clock.MapPost("/advance", async (AdvanceTestClock body, HttpContext http, TestClock time, DeadlineRunner deadlines, OutboxDispatcher outbox,
            CancellationToken cancellationToken) =>
        {
            if ((body.To is null) == (body.BySeconds is null))
            {
                return (IResult)ApiProblems.Invalid([new ValidationError("to", "Give either to (a time) or bySeconds, not both and not neither.")]);
            }

            var to = body.To ?? time.GetUtcNow().AddSeconds(body.BySeconds!.Value);
            if (to > DateTimeOffset.UtcNow.AddSeconds(MaxAdvanceSeconds) || !time.AdvanceTo(to))
            {
                return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "clock-not-advanced", "The clock did not move",
                    $"The test clock is at {time.GetUtcNow():O}; it moves only forward, and at most ten years ahead of the real time.");
            }

            // Ready when the answer comes: what fell due up to the new time has fired and its events are on their way.
            var fired = 0;
            for (var round = 0; round < 10_000; round++)
            {
                var firedNow = await deadlines.RunOnceAsync(cancellationToken);
                var dispatched = await outbox.RunOnceAsync(cancellationToken);
                fired += firedNow;
                if (firedNow == 0 && dispatched == 0)
                {
                    break;
                }
            }

            return TypedResults.Ok(new TestClockState(time.GetUtcNow(), (long)time.Offset.TotalSeconds, fired));
        }).WithName("TestClock_Advance").WithSummary("Move the host's business time forward (platform); answers once what fell due has fired.")
            .WithDescription("Only on Development and sandbox hosts. Deadlines, windows and webhook retries act as they would at the new time; "
                + "rate limits, tokens and webhook signatures keep the real clock. Time never moves back (422).")
            .Produces<TestClockState>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}

/// <summary>Where to move the test clock: to a time, or by a number of seconds.</summary>
/// <param name="To">The new business time (ahead of the current one).</param>
/// <param name="BySeconds">Or how many seconds to move it forward.</param>
public sealed record AdvanceTestClock(DateTimeOffset? To = null, long? BySeconds = null);

/// <summary>The test clock.</summary>
/// <param name="Now">The host's business time.</param>
/// <param name="AheadBySeconds">How far it is ahead of the real time.</param>
/// <param name="DeadlinesFired">Deadlines the advance fired (0 when only read).</param>
public sealed record TestClockState(DateTimeOffset Now, long AheadBySeconds, int DeadlinesFired);
