using AfterSales.Disputes.Application.Ports;
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

    /// <summary>Creates the runner.</summary>
    public DeadlineRunner(IServiceScopeFactory scopes, TimeProvider time, AfterSalesOptions options)
    {
        _scopes = scopes;
        _time = time;
        _options = options;
    }

    /// <summary>This runner's id in claims.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Claims and fires one batch; returns how many deadlines fired.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = _scopes.CreateScope();
        var queue = scope.ServiceProvider.GetRequiredService<IDeadlineQueue>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var due = await queue.ClaimDueAsync(_time.GetUtcNow(), _options.DeadlineBatchSize, _options.ClaimLease, WorkerId, cancellationToken).ConfigureAwait(false);
        return due.Count == 0 ? 0 : await mediator.Send(new ExpireDeadlines([.. due.Select(d => d.DisputeId)]), cancellationToken).ConfigureAwait(false);
    }
}
