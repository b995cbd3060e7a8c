using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using MediatR;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>The event feed: every event of the caller's cases, in one order, from a cursor on.</summary>
internal static class EventFeedEndpoints
{
    /// <summary>The longest a reader may wait for the next event (seconds).</summary>
    public const int MaxWaitSeconds = 30;

    // How often a waiting reader looks again: events committed by any host show within this.
    private static readonly TimeSpan s_lookAgain = TimeSpan.FromMilliseconds(250);

    public static void MapEventFeedEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/events", async (string? after, int? limit, int? wait, HttpContext http, IMediator mediator,
            CancellationToken cancellationToken) =>
        {
            FeedPosition? from = null;
            if (after is not null && !FeedPosition.TryParse(after, out from))
            {
                return (IResult)ApiProblems.Invalid([new ValidationError("after", "Pass the cursor a previous page answered, as it was.")]);
            }

            if (wait is < 0 or > MaxWaitSeconds)
            {
                return ApiProblems.Invalid([new ValidationError("wait", $"Wait 0 to {MaxWaitSeconds} seconds.")]);
            }

            var read = new ReadEventFeed(new EventFeedQuery(DisputeEndpoints.ForCaller(http.Caller(), new DisputeQuery()), from, limit ?? 100));
            var until = TimeProvider.System.GetTimestamp() + (long)((wait ?? 0) * (double)TimeProvider.System.TimestampFrequency);
            var page = await mediator.Send(read, cancellationToken);
            while (page.Events.Count == 0 && TimeProvider.System.GetTimestamp() < until)
            {
                await Task.Delay(s_lookAgain, cancellationToken);
                page = await mediator.Send(read, cancellationToken);
            }

            return TypedResults.Ok(new EventFeedResponse(page.Events, page.Cursor?.ToString()));
        }).WithTags("Events").WithName("Events_Read")
            .WithSummary("The events of every case the caller may see, oldest first, from a cursor on; with wait, held open until one comes.")
            .WithDescription("Buyers follow their own cases, sellers their store's, service centers the repairs routed to them, arbitrators "
                + "escalated cases, the platform all. Pass the answer's cursor as after to read on: no event is skipped or repeated, "
                + "whichever host wrote it. With wait (seconds, at most 30) an empty answer is held until an event comes (long polling). "
                + "A case that becomes the caller's later (escalated, routed to a service center) shows with all its events after the "
                + "caller's cursor; those the cursor had already passed are in its timeline.")
            .Produces<EventFeedResponse>().ProducesProblem(StatusCodes.Status400BadRequest);
    }
}

/// <summary>A page of the event feed.</summary>
/// <param name="Events">The events, oldest first, each with its dispute's id.</param>
/// <param name="Cursor">Pass as <c>after</c> to read the events after these (the same cursor when there were none; null before the first event).</param>
public sealed record EventFeedResponse(IReadOnlyList<DisputeEvent> Events, string? Cursor);
