using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Telemetry;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Disputes.Application.Deadlines;

/// <summary>
/// Fires due deadlines: claims a batch and sends <see cref="ExpireDeadlines"/> for it. A deadline
/// fires exactly once because the dispute decides: a second attempt finds no due deadline or a newer
/// version. Deadlines that fell due while no worker ran are simply due now.
/// </summary>
public sealed class DeadlineRunner
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly AfterSalesOptions _options;
    private readonly DisputeTelemetry _telemetry;

    /// <summary>Creates the runner.</summary>
    public DeadlineRunner(IServiceScopeFactory scopes, TimeProvider time, AfterSalesOptions options, DisputeTelemetry telemetry)
    {
        _scopes = scopes;
        _time = time;
        _options = options;
        _telemetry = telemetry;
    }

    /// <summary>This runner's id in claims.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Claims and fires one batch; returns how many deadlines fired.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = _scopes.CreateScope();
        var queue = scope.ServiceProvider.GetRequiredService<IDeadlineQueue>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var now = _time.GetUtcNow();
        var due = await queue.ClaimDueAsync(now, _options.DeadlineBatchSize, _options.ClaimLease, WorkerId, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return 0;
        }

        using var activity = DisputeTelemetry.Source.StartActivity("deadlines fire");
        activity?.SetTag("aftersales.deadlines.claimed", due.Count);
        foreach (var deadline in due)
        {
            _telemetry.DeadlineClaimed(now - deadline.DueAt);
        }

        return await mediator.Send(new ExpireDeadlines([.. due.Select(d => d.DisputeId)]), cancellationToken).ConfigureAwait(false);
    }
}
